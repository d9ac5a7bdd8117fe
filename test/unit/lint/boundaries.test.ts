import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The process boundaries of docs/ARCHITECTURE.md §3.1 are lint errors. Each case plants an import in a
 * file path on one side (the file need not exist) and checks the real lint config fails it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' && m.severity === 2)
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/src/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/src/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/src/planted.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;"],
    ['renderer/src/planted.ts', "import { readFile } from 'fs/promises';\nexport const x = readFile;"],
    ['renderer/src/app/planted.tsx', "import { createBackend } from '../../../main/backend/index';\nexport const x = createBackend;"],
    ['renderer/src/planted.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['main/backend/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['main/backend/db/planted.ts', "import { api } from '../../../renderer/src/api';\nexport const x = api;"],
    ['shared/planted.ts', "import { join } from 'node:path';\nexport const x = join;"],
    ['shared/validate/planted.ts', "import { createHash } from 'crypto';\nexport const x = createHash;"],
    ['shared/planted.ts', "import { createBackend } from '../main/backend/index';\nexport const x = createBackend;"],
    ['shared/planted.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['main/electron/planted.ts', "import { createBackend } from '../backend/index';\nexport const x = createBackend;"],
    ['main/preload/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['server/planted.ts', "import { createBackend } from '../main/backend/index';\nexport const x = createBackend;"],
    // The exception is the desk config and the machine file's place alone, and only in updates.ts and the machine-config writer's two files.
    ['main/electron/updates.ts', "import { createBackend } from '../backend/index';\nexport const x = createBackend;"],
    ['main/electron/updates.ts', "import { openDb } from '../backend/config/data-dir';\nexport const x = openDb;"],
    ['main/electron/updates.ts', "import { api } from '../../renderer/src/api';\nexport const x = api;"],
    ['main/electron/planted.ts', "import { loadDeskConfig } from '../backend/config/desk-config';\nexport const x = loadDeskConfig;"],
    ['main/electron/machine-config-params.ts', "import { openDb } from '../backend/config/data-dir';\nexport const x = openDb;"],
  ])('%s: %s is an error', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/planted.ts', "import { methods } from '../../shared/contract';\nexport const x = methods;"],
    ['shared/planted.ts', "import { Applicant } from './domain/applicant';\nexport const x = Applicant;"],
    ['renderer/src/planted.ts', "import { Applicant } from '../../shared/domain/applicant';\nexport const x = Applicant;"],
    ['main/backend/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['main/electron/planted.ts', "import type { Backend } from '../backend/index';\nexport type X = Backend;"],
    ['main/electron/planted.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['server/planted.ts', "import { methods } from '../shared/contract';\nexport const x = methods;"],
    ['main/electron/updates.ts', "import { loadDeskConfig } from '../backend/config/desk-config';\nexport const x = loadDeskConfig;"],
    [
      'main/electron/machine-config-writer.ts',
      "import { machineConfigFolder } from '../backend/config/machine-config-path';\nexport const x = machineConfigFolder;",
    ],
    [
      'main/electron/machine-config-params.ts',
      "import { DeskConfigFile } from '../backend/config/desk-config';\nexport const x = DeskConfigFile;",
    ],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
