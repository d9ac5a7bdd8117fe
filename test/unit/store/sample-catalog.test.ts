import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { termsFor } from '../../../shared/domain/case-terms';
import { PublishedService } from '../../../shared/domain/service';
import type { Service } from '../../../shared/domain/service';
import { SAMPLE_CATALOG, SAMPLE_SUBSISTENCE_MINIMUMS } from '../../../main/backend/catalog/sample-catalog';

const services: Service[] = SAMPLE_CATALOG.map((s) => PublishedService.parse(s));
const byCode = (code: string) => services.find((s) => s.code === code)!;
const DAY = '2026-12-03';
const fee = (code: string, choice: Parameters<typeof termsFor>[1] = {}) =>
  termsFor(byCode(code), choice, DAY, SAMPLE_SUBSISTENCE_MINIMUMS).fee.totalKopecks;

describe('the sample catalog', () => {
  it('keeps its SAMPLE DATA label and every entry is a publishable card (providers with a valid ЄДРПОУ, marked sample)', () => {
    expect(readFileSync(new URL('../../../main/backend/catalog/sample-catalog.ts', import.meta.url), 'utf8')).toContain('SAMPLE DATA');
    expect(services.length).toBe(SAMPLE_CATALOG.length);
    for (const s of services) expect(s.provider.nameUk).toContain('(SAMPLE)');
    expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
  });

  it('lists no proof of payment as required, and none at all on a free service', () => {
    for (const s of services) {
      const payment = s.documents.filter((d) => /сплату/u.test(d.nameUk));
      for (const d of payment) expect(d.need).not.toBe('required');
      const free = s.tiers.every((t) => t.fees.length === 0);
      if (free) expect(payment).toEqual([]);
    }
  });

  it('«за наявності» documents are if-available, not required', () => {
    expect(byCode('RA-04').documents.find((d) => d.nameUk.startsWith('Документ про припинення'))?.need).toBe('if_available');
    for (const s of services) for (const d of s.documents) expect(d.nameUk).not.toMatch(/за наявності/u);
  });

  it('prices the ID card by tier, the first issue free; the travel passport in 20 or 7 working days', () => {
    expect(byCode('ID-01').tiers.map((t) => [t.id, t.deadline?.value])).toEqual([
      ['standard', 20],
      ['express', 10],
    ]);
    expect(fee('ID-01')).toBe(55_800);
    expect(fee('ID-01', { tierId: 'express' })).toBe(85_800);
    expect(fee('ID-01', { conditions: ['first_issue'] })).toBe(0);
    expect(byCode('ZP-01').tiers.map((t) => t.deadline?.value)).toEqual([20, 7]);
  });

  it('residence registration is same-day at 1.5 % of the subsistence minimum, 2.5 % late', () => {
    expect(byCode('RM-01').tiers[0]!.deadline).toEqual({ value: 0, unit: 'same_day', kind: 'not_after', anchor: 'intake' });
    expect(fee('RM-01')).toBe(4992);
    expect(fee('RM-01', { conditions: ['late'] })).toBe(8320);
  });

  it('property rights run from the register entry, in tiers down to 2 hours, priced in shares rounded to 10 UAH', () => {
    const nr = byCode('NR-01');
    expect(nr.tiers.map((t) => [t.deadline?.value, t.deadline?.unit, t.deadline?.anchor])).toEqual([
      [5, 'working_days', 'register_entry'],
      [2, 'working_days', 'register_entry'],
      [1, 'working_days', 'register_entry'],
      [2, 'hours', 'register_entry'],
    ]);
    // 0.1 × 3 328 = 332.80 → 330; 5 × 3 328 = 16 640.
    expect(fee('NR-01')).toBe(33_000);
    expect(fee('NR-01', { tierId: 'two_hours' })).toBe(1_664_000);
  });

  it('marriage is a not-before term; one service states no term and is flagged', () => {
    expect(byCode('RA-04').tiers[0]!.deadline).toMatchObject({ value: 1, unit: 'months', kind: 'not_before' });
    const unstated = services.filter((s) => s.tiers.some((t) => t.deadline === null));
    expect(unstated.map((s) => s.code)).toEqual(['RM-03']);
    expect(termsFor(byCode('RM-03'), {}, DAY, SAMPLE_SUBSISTENCE_MINIMUMS).termStated).toBe(false);
  });

  it('every card states its refusal grounds, its channels and its applicant kinds', () => {
    for (const s of services) {
      expect(s.refusalGrounds.length).toBeGreaterThan(0);
      expect(s.deliveryChannels.length).toBeGreaterThan(0);
      expect(s.applicantKinds.length).toBeGreaterThan(0);
    }
  });
});
