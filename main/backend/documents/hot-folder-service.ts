/**
 * The hot folder (docs/ARCHITECTURE.md §6.9): each file a scanner's own software saves there is
 * checked like an import and becomes a new inbox set, with the clerk told by a `documents.inbox`
 * event. A refused file throws, so the watcher moves it to `refused/` where IT sees it. It runs
 * whatever the scanner's state: a missing scanner never stops it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ScannerInfo } from '../../../shared/documents';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Logger } from '../log/logger';
import { statement } from '../db/statements';
import { filePages } from './file-pages';
import { watchHotFolder } from './hot-folder';
import type { HotFolder, TakenFile } from './hot-folder';
import { inspectFile } from './inspect-file';
import { addPages, inboxCount, openSet } from './page-sets';

export interface HotFolderService {
  state(): ScannerInfo['hotFolder'];
  close(): Promise<void>;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function createHotFolderService(options: {
  folder: string | null;
  dataDir: string;
  /** The environment hot-folder sets are written in: the desk's local clerk, at the desk's clock. */
  env: CommandEnv;
  logger: Logger;
  onInbox(count: number): void;
}): HotFolderService {
  const { folder, env, dataDir, logger } = options;
  if (folder === null) return { state: () => ({ path: null, state: 'off' }), close: () => Promise.resolve() };

  async function take(file: TakenFile): Promise<void> {
    const sha256 = await sha256Of(file.path);
    // The same file saved again under the same name is one the inbox already has.
    const key = `${file.name}\u0000${sha256}`;
    if (statement(env.db, 'SELECT 1 FROM hot_folder_taken WHERE file_key = ?').get(key)) {
      logger.log('info', 'Hot folder: a file taken before came again; left out', { name: file.name });
      return;
    }
    const inspected = await inspectFile(file.path, file.name, { maxFileBytes: env.desk.documents.maxFileBytes });
    const pages = await filePages(
      dataDir,
      { path: file.path, name: file.name, source: 'hot_folder' },
      inspected,
      env.desk.documents.compression,
    );
    runCommand(env.db, () => {
      const setId = openSet(env, { kind: 'inbox' }, file.name);
      addPages(env, setId, pages);
      statement(env.db, 'INSERT INTO hot_folder_taken (file_key, sha256, taken_at) VALUES (?, ?, ?)').run(
        key,
        sha256,
        env.now().toISOString(),
      );
    });
    logger.log('info', 'Hot folder: file taken into the inbox', { name: file.name, pages: pages.length });
    options.onInbox(inboxCount(env.db));
  }

  const watcher: HotFolder = watchHotFolder({ folder, onFile: take, logger });
  return {
    state: () => ({ path: folder, state: watcher.state() }),
    close: () => watcher.close(),
  };
}
