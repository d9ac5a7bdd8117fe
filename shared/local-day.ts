const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day of an instant in the center's time zone, as `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  // Building a DateTimeFormat costs far more than using one; a desk has one zone.
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
