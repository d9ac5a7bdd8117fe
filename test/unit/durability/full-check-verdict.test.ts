/** The pure parts of the background whole-file check (main/backend/db/full-check.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damageMessage, verdictOf } from '../../../main/backend/db/full-check';

const AT = '2026-12-04T10:00:00.000Z';

describe('verdictOf', () => {
  it('a single "ok" row is a sound file, with how long the check took', () => {
    expect(verdictOf({ database: { lines: ['ok'] }, durationMs: 1234.6, backup: null }, AT)).toEqual({
      state: 'ok',
      checkedAt: AT,
      durationMs: 1235,
    });
  });

  it('listed problems are damage: the first three, without quick_check’s heading, and the backup the worker found', () => {
    const lines = [
      '*** in database main ***\nTree 9 page 9: btreeInitPage() returns error code 11',
      'row 3 missing from index a',
      'b',
      'c',
    ];
    expect(verdictOf({ database: { lines }, durationMs: 5, backup: '/b/vikno-20261203-180000.db' }, AT)).toEqual({
      state: 'damaged',
      problem: 'Tree 9 page 9: btreeInitPage() returns error code 11; row 3 missing from index a; b',
      backup: '/b/vikno-20261203-180000.db',
      checkedAt: AT,
    });
  });

  it('a file SQLite calls corrupt or not a database is damaged; any other failure says nothing about the file', () => {
    const failed = (code: string | null) => verdictOf({ database: { error: 'boom', code }, durationMs: 1, backup: null }, AT).state;
    expect(failed('SQLITE_CORRUPT')).toBe('damaged');
    expect(failed('SQLITE_CORRUPT_INDEX')).toBe('damaged');
    expect(failed('SQLITE_NOTADB')).toBe('damaged');
    expect(failed('SQLITE_BUSY')).toBe('failed');
    expect(failed('SQLITE_CORRUPTED')).toBe('failed');
    expect(failed(null)).toBe('failed');
  });

  it('is ok exactly when quick_check answered the one row "ok"', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ok', 'row 1 missing from index i', 'Tree 2 page 2: bad'), { maxLength: 4 }), (lines) => {
        const state = verdictOf({ database: { lines }, durationMs: 0, backup: null }, AT).state;
        expect(state === 'ok').toBe(lines.length === 1 && lines[0] === 'ok');
      }),
    );
  });
});

describe('damageMessage', () => {
  it('names the file, what was found, that nothing is saved, and the backup to restore or that there is none', () => {
    const withBackup = damageMessage('/d/vikno.db', { state: 'damaged', problem: 'Tree 9', backup: '/d/backups/b.db', checkedAt: AT });
    expect(withBackup).toContain('The database /d/vikno.db is damaged (Tree 9)');
    expect(withBackup).toContain('nothing can be saved until it is restored');
    expect(withBackup).toContain('The newest good backup is /d/backups/b.db');
    expect(damageMessage('/d/vikno.db', { state: 'damaged', problem: 'x', backup: null, checkedAt: AT })).toContain(
      'There is no good backup',
    );
  });
});
