import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from '../../../scripts/import-cycles';
import { useTempDirs } from '../../helpers/temp-dir';

/** The cycle checker of `npm run lint`, on planted source trees (real files, real parsing). */
const tempDir = useTempDirs();

function tree(files: Record<string, string>): string {
  const root = tempDir('vikno-cycles-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const circlesIn = (files: Record<string, string>) => importCircles(importGraph(tree(files), ['main', 'shared']));

describe('import circles', () => {
  it('finds a circle that closes through a type-only import', () => {
    const circles = circlesIn({
      'main/db/open.ts': "import { check } from './integrity';\nexport type Db = number;\nexport const open = check;",
      'main/db/integrity.ts': "import { newest } from './backup';\nexport const check = newest;",
      'main/db/backup.ts': "import type { Db } from './open';\nexport const newest = (db: Db) => db;",
    });
    expect(circles).toEqual([
      {
        modules: ['main/db/backup.ts', 'main/db/integrity.ts', 'main/db/open.ts'],
        circle: ['main/db/backup.ts', 'main/db/open.ts', 'main/db/integrity.ts', 'main/db/backup.ts'],
      },
    ]);
  });

  it('follows re-exports, dynamic imports, .tsx and index files across folders', () => {
    const circles = circlesIn({
      'main/screens/index.ts': "export { Card } from './Card';",
      'main/screens/Card.tsx': "export const Card = () => import('../../shared/store');",
      'shared/store.ts': "export type { Card } from '../main/screens';",
    });
    expect(circles.map((c) => c.modules)).toEqual([['main/screens/Card.tsx', 'main/screens/index.ts', 'shared/store.ts']]);
  });

  it('reports a module that imports itself', () => {
    expect(circlesIn({ 'main/self.ts': "import type { X } from './self';\nexport type Y = X;" })).toEqual([
      { modules: ['main/self.ts'], circle: ['main/self.ts', 'main/self.ts'] },
    ]);
  });

  it('reports nothing for imports that only point one way, nor for packages and unchecked folders', () => {
    expect(
      circlesIn({
        'main/a.ts': "import { b } from './b';\nimport { c } from '../shared/c';\nexport const a = b + c;",
        'main/b.ts': "import { c } from '../shared/c';\nimport { z } from 'zod';\nexport const b = c + String(z);",
        'shared/c.ts': "import { t } from '../test/t';\nexport const c = t;",
        'test/t.ts': "import { a } from '../main/a';\nexport const t = a;",
      }),
    ).toEqual([]);
  });
});
