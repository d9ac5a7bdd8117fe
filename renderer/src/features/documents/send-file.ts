import { IMPORT_CHUNK_BYTES } from '../../../../shared/documents';
import type { PageSetView } from '../../../../shared/documents';
import type { Envelope } from '../../../../shared/errors';
import { api } from '../../api';
import { bytesToBase64 } from './base64';

/**
 * A picked or dropped file into a set: begun, sent in chunks of IMPORT_CHUNK_BYTES (so no frame
 * holds a whole scan), and checked whole by the backend at the end. Only one chunk is in memory
 * at a time.
 */
export async function sendFile(setId: string, file: File, source: 'file' | 'diia'): Promise<Envelope<PageSetView>> {
  const begun = await api.call('documents.importBegin', { setId, name: file.name, size: file.size, source });
  if (!begun.ok) return begun;
  const { importId } = begun.value;
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    const sent = await api.call('documents.importChunk', { importId, offset, base64: bytesToBase64(chunk) });
    if (!sent.ok) return sent;
  }
  return api.call('documents.importEnd', { importId });
}
