import { createRpcClient } from '../../../shared/client';
import type { ViknoApi } from '../../../shared/contract';
import type { Backend } from '../index';

/**
 * The third transport (docs/ARCHITECTURE.md §2.1): tests call the backend directly. Frames are cloned both
 * ways so that nothing passes that a real port or socket could not carry.
 */
export function connectInProcess(backend: Backend): ViknoApi & { disconnect(): void } {
  const client = createRpcClient({ send: (frame) => connection.receive(structuredClone(frame)) });
  const connection = backend.connect((frame) => client.receive(structuredClone(frame)));
  client.connected();
  return {
    ...client.api,
    disconnect() {
      connection.close();
      client.disconnected();
    },
  };
}
