import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';

/**
 * The circle check of `npm run lint` (dependency-cruiser with the repository's own config), run on
 * planted source trees: it must see a circle that closes through a type-only import, because all
 * three circles the project once had closed that way.
 */
const tempDir = useTempDirs();
const repo = resolve(__dirname, '../../..');
const depcruise = join(repo, 'node_modules/.bin/depcruise');

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const root = tempDir('vikno-circles-');
  copyFileSync(join(repo, '.dependency-cruiser.json'), join(root, '.dependency-cruiser.json'));
  copyFileSync(join(repo, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(depcruise, ['--config', '.dependency-cruiser.json', 'main'], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the import circle check', () => {
  it('fails on a circle that closes through a type-only import, naming its modules', () => {
    const { status, output } = cruise({
      'main/db/open.ts': "import { check } from './integrity';\nexport type Db = number;\nexport const open = check;\n",
      'main/db/integrity.ts': "import { newest } from './backup';\nexport const check = newest;\n",
      'main/db/backup.ts': "import type { Db } from './open';\nexport const newest = (db: Db) => db;\n",
    });
    expect(status).not.toBe(0);
    expect(output).toContain('no-circular');
    for (const file of ['main/db/open.ts', 'main/db/integrity.ts', 'main/db/backup.ts']) expect(output).toContain(file);
  });

  it('follows .tsx files and index modules across folders', () => {
    const { status, output } = cruise({
      'main/screens/index.ts': "export { Card } from './Card';\n",
      'main/screens/Card.tsx': "import { store } from '../store';\nexport const Card = () => store;\n",
      'main/store.ts': "import type { Card } from './screens';\nexport const store: Card | null = null;\n",
    });
    expect(status).not.toBe(0);
    expect(output).toContain('main/screens/Card.tsx');
  });

  it('passes a tree whose imports only go one way', () => {
    const { status, output } = cruise({
      'main/db/types.ts': 'export type Db = number;\n',
      'main/db/open.ts': "import type { Db } from './types';\nexport const open = (db: Db) => db;\n",
      'main/db/backup.ts':
        "import type { Db } from './types';\nimport { open } from './open';\nexport const backup = (db: Db) => open(db);\n",
    });
    expect(output).toContain('no dependency violations');
    expect(status).toBe(0);
  });
});
