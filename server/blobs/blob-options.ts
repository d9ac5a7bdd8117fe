/** Where the back office keeps uploaded files and how large one may be (ServerDeps.blobs). */
export interface BlobOptions {
  /** `<data>/blobs`: on the server's data folder for PGlite and PostgreSQL alike. */
  dir: string;
  /** The largest file accepted; bigger ones are refused at announce and at any chunk that would pass it. */
  maxBytes: number;
}
