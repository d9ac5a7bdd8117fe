/** The review screen's registers and exports tab (issue 15). BASE STUB: replaced by the registers work. */
export function RegistersPanel() {
  return null;
}
