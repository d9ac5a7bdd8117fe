/** The review screen's audit trail tab (issue 15). BASE STUB: replaced by the audit work. */
export function AuditPanel() {
  return null;
}
