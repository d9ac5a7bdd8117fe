/** A whole-request failure, answered as `{"error": {"code", "message"}}` (ErrorResponse). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
