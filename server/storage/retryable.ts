/**
 * Errors a transaction may meet only because another one raced it, so running it again is
 * correct: a unique violation (two desks creating one new record at once; the retry finds
 * the record) and a deadlock. Both drivers report the PostgreSQL SQLSTATE in `code`.
 */
const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['23505', '40P01']);

export function isRetryable(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && RETRYABLE_SQLSTATES.has(error.code);
}
