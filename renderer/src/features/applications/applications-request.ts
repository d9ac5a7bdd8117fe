/**
 * Another screen asking the applications screen to open on a search or a case (the queue panel
 * issuing a `collect` ticket's result). The screen reads it when it opens and forgets it once
 * mounted, so switching back later shows the clerk's own search.
 */
export interface ApplicationsRequest {
  query: string;
  selected: string | null;
}

let pending: ApplicationsRequest | null = null;

export function requestApplications(request: ApplicationsRequest): void {
  pending = request;
}

/** Read during render (which may run twice), so it does not consume. */
export function pendingApplicationsRequest(): ApplicationsRequest | null {
  return pending;
}

export function forgetApplicationsRequest(): void {
  pending = null;
}
