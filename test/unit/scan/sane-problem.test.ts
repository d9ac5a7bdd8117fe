import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanProblemKind } from '../../../shared/documents';
import { saneProblem } from '../../../main/backend/scan/sane-problem';

/** What scanimage prints around a batch when all goes well. */
const routine = (pages: number) => [
  'Scanning infinity pages, incrementing by 1, numbering from 1',
  ...Array.from({ length: pages }, (_, i) => [`Scanning page ${i + 1}`, `Scanned page ${i + 1}. (scanner status = 5)`]).flat(),
  `Batch terminated, ${pages} pages scanned`,
];

/** A device name as SANE spells them: backend, colons, bus numbers, hosts, any words, even the words of a problem. */
const deviceName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/[\r\n]/.test(s)),
  fc.constantFrom('net:jammed-hall:epson2', 'Device busy', 'escl:cover is open', 'out of documents:1'),
);

describe('scanimage exit → ScanProblem', () => {
  it('reads what the real scanimage says for each case', () => {
    expect(saneProblem({ code: 0, stderr: routine(1), pages: 1 })).toBeNull();
    expect(
      saneProblem({ code: 0, stderr: [...routine(10), 'scanimage: sane_start: Document feeder out of documents'], pages: 10 }),
    ).toBeNull();
    expect(saneProblem({ code: 1, stderr: ['scanimage: open of device nosuch failed: Invalid argument'], pages: 0 })).toEqual({
      kind: 'not_found',
      detail: 'scanimage: open of device nosuch failed: Invalid argument',
    });
    expect(
      saneProblem({
        code: 8,
        stderr: ['Scanning page 1', 'scanimage: sane_read: Scanner cover is open', 'Scanned page 1. (scanner status = 8)'],
        pages: 0,
      }),
    ).toEqual({ kind: 'cover_open', detail: 'scanimage: sane_read: Scanner cover is open' });
    expect(saneProblem({ code: 6, stderr: ['scanimage: sane_read: Document feeder jammed'], pages: 0 })?.kind).toBe('jammed');
    expect(saneProblem({ code: 3, stderr: ['scanimage: sane_read: Device busy'], pages: 0 })?.kind).toBe('busy');
    // The feeder reports empty with exit 0 in batch mode: before any page that is the problem.
    expect(
      saneProblem({
        code: 0,
        stderr: ['scanimage: sane_read: Document feeder out of documents', 'Scanned page 1. (scanner status = 7)'],
        pages: 0,
      }),
    ).toEqual({ kind: 'feeder_empty', detail: 'scanimage: sane_read: Document feeder out of documents' });
    expect(saneProblem({ code: 1, stderr: ['scanimage: setting of option --mode failed (Invalid argument)'], pages: 0 })?.kind).toBe(
      'failed',
    );
    expect(saneProblem({ code: 0, stderr: ['Scanned page 2. (scanner status = 9)'], pages: 1 })?.kind).toBe('failed');
    expect(saneProblem({ code: null, stderr: [], pages: 0 })).toEqual({ kind: 'failed', detail: 'stopped by a signal' });
    expect(saneProblem({ code: 0, stderr: [...routine(1), 'scanimage: rounded value of br-x from 210 to 209.981'], pages: 1 })).toBeNull();
  });

  it('never throws, and answers a known kind with a bounded detail for any output', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }),
        fc.array(fc.string({ maxLength: 3000 }), { maxLength: 20 }),
        fc.nat(50),
        (code, stderr, pages) => {
          const problem = saneProblem({ code, stderr, pages });
          if (problem === null) return;
          expect(ScanProblemKind.options).toContain(problem.kind);
          expect(problem.detail.length).toBeLessThanOrEqual(2000);
          expect(problem.detail.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('a status that names a problem gives that problem when no message says otherwise', () => {
    const named: Record<number, string> = { 3: 'busy', 4: 'not_found', 6: 'jammed', 7: 'feeder_empty', 8: 'cover_open' };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 255 }), fc.nat(10), (code, pages) => {
        const problem = saneProblem({ code, stderr: routine(pages), pages });
        if (code === 7 && pages > 0) expect(problem).toBeNull();
        else expect(problem?.kind).toBe(named[code] ?? 'failed');
      }),
    );
  });

  it('a feeder running out is a normal finish once it gave a page, the problem before', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.constantFrom(0, 7), (pages, code) => {
        const problem = saneProblem({
          code,
          stderr: [...routine(pages), 'scanimage: sane_start: Document feeder out of documents'],
          pages,
        });
        expect(problem).toEqual(
          pages > 0 ? null : { kind: 'feeder_empty', detail: 'scanimage: sane_start: Document feeder out of documents' },
        );
      }),
    );
  });

  it('a device that cannot be opened is classified by the reason, whatever the device is called', () => {
    fc.assert(
      fc.property(
        deviceName,
        fc.constantFrom(
          ['Invalid argument', 'not_found'],
          ['Device busy', 'busy'],
          ['Access to resource has been denied', 'failed'],
          ['Error during device I/O', 'failed'],
        ),
        (device, [reason, kind]) => {
          const line = `scanimage: open of device ${device} failed: ${reason}`;
          expect(saneProblem({ code: 1, stderr: [line], pages: 0 })).toEqual({ kind, detail: line });
        },
      ),
    );
  });

  it('exit 0 with every page whole is a finish, whatever harmless chatter came with it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.stringMatching(/^scanimage: rounded value of [a-z-]+ from \d+ to \d+\.\d+$/), { maxLength: 3 }),
        (pages, chatter) => {
          expect(saneProblem({ code: 0, stderr: [...chatter, ...routine(pages)], pages })).toBeNull();
        },
      ),
    );
  });
});
