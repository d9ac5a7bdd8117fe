/**
 * Files the clerk picks or drops, sent in chunks (docs/ARCHITECTURE.md §6.9): written to
 * `<dataDir>/imports/<importId>` as they come, checked whole at the end, stored as pages of the
 * set, and the temp file removed. A refused file leaves nothing: no rows, no temp file.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageSetView } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import type { CommandEnv } from '../commands/unit-of-work';
import { filePages } from './file-pages';
import { ImportRefused, inspectFile } from './inspect-file';
import { addPages, readSet, writableSet } from './page-sets';

interface PendingImport {
  setId: string;
  name: string;
  size: number;
  source: 'file' | 'diia';
  received: number;
  path: string;
  /** Appends in the order the chunks were accepted, even when a caller does not wait for each answer. */
  writing: Promise<void>;
}

/** The refusal convention the renderer relies on: one issue at `['file']` naming the ImportRefusal. */
export function refusedFile(error: ImportRefused): AppError {
  return new AppError('VALIDATION', error.message, [{ path: ['file'], message: error.refusal }]);
}

export interface ImportSessions {
  begin(env: CommandEnv, input: { setId: string; name: string; size: number; source: 'file' | 'diia' }): Promise<string>;
  chunk(input: { importId: string; offset: number; base64: string }): Promise<number>;
  end(env: CommandEnv, importId: string): Promise<PageSetView>;
}

export function createImportSessions(dataDir: string): ImportSessions {
  const folder = join(dataDir, 'imports');
  // Imports a previous run left half-sent cannot be finished: nobody holds their ids any more.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const pending = new Map<string, PendingImport>();

  function take(importId: string): PendingImport {
    const found = pending.get(importId);
    if (!found) throw new AppError('NOT_FOUND', `No import ${importId}`, [{ path: ['importId'], message: 'no such import' }]);
    return found;
  }

  return {
    async begin(env, input) {
      writableSet(env.db, input.setId);
      if (input.size > env.desk.documents.maxFileBytes) {
        throw new AppError('VALIDATION', `${input.name} is ${input.size} bytes, over the ${env.desk.documents.maxFileBytes} allowed`, [
          { path: ['file'], message: 'file_too_large' },
        ]);
      }
      const importId = randomUUID();
      const path = join(folder, importId);
      await writeFile(path, new Uint8Array(0), { mode: 0o600, flag: 'wx' });
      pending.set(importId, { ...input, received: 0, path, writing: Promise.resolve() });
      return importId;
    },
    async chunk({ importId, offset, base64 }) {
      const current = take(importId);
      if (offset !== current.received) {
        throw new AppError('CONFLICT', `Chunk at ${offset}, but ${current.received} bytes were received`, [
          { path: ['offset'], message: `expected ${current.received}` },
        ]);
      }
      const bytes = Buffer.from(base64, 'base64');
      if (current.received + bytes.length > current.size) {
        throw new AppError('VALIDATION', `More than the ${current.size} bytes announced`, [{ path: ['base64'], message: 'past the end' }]);
      }
      // Counted before the write, so a second chunk sent meanwhile at the same offset is refused.
      current.received += bytes.length;
      const received = current.received;
      current.writing = current.writing.then(() => appendFile(current.path, bytes));
      try {
        await current.writing;
      } catch (error) {
        // A failed write leaves a gap: this import cannot be finished, the clerk starts it again.
        pending.delete(importId);
        await rm(current.path, { force: true });
        throw error;
      }
      return received;
    },
    async end(env, importId) {
      const current = take(importId);
      pending.delete(importId);
      try {
        await current.writing;
        if (current.received !== current.size) {
          throw new AppError('CONFLICT', `${current.received} of ${current.size} bytes received`, [
            { path: ['importId'], message: 'incomplete' },
          ]);
        }
        const limits = { maxFileBytes: env.desk.documents.maxFileBytes };
        const inspected = await inspectFile(current.path, current.name, limits).catch((error: unknown) => {
          throw error instanceof ImportRefused ? refusedFile(error) : error;
        });
        const pages = await filePages(dataDir, current, inspected, env.desk.documents.compression);
        addPages(env, current.setId, pages);
        return readSet(env.db, current.setId, env.desk.documents.maxDocumentBytes);
      } finally {
        await rm(current.path, { force: true });
      }
    },
  };
}
