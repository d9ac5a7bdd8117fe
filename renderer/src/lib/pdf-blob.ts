/** Bytes from the backend (base64) as a Blob URL of this type, to open or offer for saving. */
export function base64BlobUrl(base64: string, type: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/** A PDF from the backend (base64) as a Blob URL the page can open in a new tab or offer for saving. */
export function pdfBlobUrl(base64: string): string {
  return base64BlobUrl(base64, 'application/pdf');
}
