import packageJson from '../package.json';

/** The package version, built into the bundle, reported by /health. */
export const SERVER_VERSION: string = packageJson.version;
