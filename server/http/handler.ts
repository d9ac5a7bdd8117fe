import type { IncomingMessage } from 'node:http';

/** One route's answer to a request; its own file so route modules can name it without importing the route table. */
export type Handler = (req: IncomingMessage, url: URL) => Promise<unknown>;
