/** An exported text (CSV, JSON) as a Blob URL a link can save; the text already carries its BOM where it needs one. */
export function textBlobUrl(text: string, fileName: string): string {
  const type = fileName.endsWith('.json') ? 'application/json' : 'text/csv;charset=utf-8';
  return URL.createObjectURL(new Blob([text], { type }));
}
