import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPages, deletePage, movePage, openSet, readSet } from '../../../../main/backend/documents/page-sets';
import type { NewPage } from '../../../../main/backend/documents/page-sets';
import { openTestDesk } from '../../../helpers/desk-db';
import { useTempDirs } from '../../../helpers/temp-dir';

/** Any sequence of moves and deletes on a real SQLite set keeps positions 1..n and the pages it had, less the deleted. */
const tempDir = useTempDirs();

const page = (n: number): NewPage => ({
  blob: { sha256: n.toString(16).padStart(64, '0'), size: 10 + n, mime: 'image/jpeg' },
  kind: 'image',
  pdfPage: null,
  widthPx: 10,
  heightPx: 10,
  dpi: 100,
  bytes: 10 + n,
  source: 'file',
  sourceName: `p${n}.jpg`,
});

type Step = { op: 'move'; index: number; position: number } | { op: 'delete'; index: number };

const step = fc.oneof(
  fc.record({ op: fc.constant('move' as const), index: fc.nat(40), position: fc.integer({ min: 1, max: 45 }) }),
  fc.record({ op: fc.constant('delete' as const), index: fc.nat(40) }),
);

describe('page positions', () => {
  it('stay 1..n in the order the moves and deletes make, with no page lost or added', () => {
    const desk = openTestDesk(tempDir());
    try {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.array(step, { maxLength: 15 }), (count, steps: Step[]) => {
          const setId = openSet(desk.env, { kind: 'inbox' }, 'property');
          addPages(
            desk.env,
            setId,
            Array.from({ length: count }, (_, n) => page(n)),
          );
          let expected = readSet(desk.db, setId, 1).pages.map((p) => p.id);
          for (const s of steps) {
            if (expected.length === 0) break;
            const id = expected[s.index % expected.length]!;
            if (s.op === 'delete') {
              deletePage(desk.env, id);
              expected = expected.filter((other) => other !== id);
            } else {
              movePage(desk.env, id, s.position);
              const rest = expected.filter((other) => other !== id);
              const at = Math.min(s.position, expected.length) - 1;
              expected = [...rest.slice(0, at), id, ...rest.slice(at)];
            }
            const pages = readSet(desk.db, setId, 1).pages;
            expect(pages.map((p) => p.position)).toEqual(pages.map((_, i) => i + 1));
            expect(pages.map((p) => p.id)).toEqual(expected);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      desk.db.close();
    }
  });
});
