/** Each page imports its stylesheet for esbuild to bundle beside its script (server/pages/build-pages.ts). */
declare module '*.css';
