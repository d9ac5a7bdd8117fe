import { describe, expect, it } from 'vitest';
import { termsFor } from '../../../shared/domain/case-terms';
import { DEFAULT_DEADLINE } from '../../../shared/domain/deadline-rule';
import { Service } from '../../../shared/domain/service';
import type { ServiceInput } from '../../../shared/domain/service';
import { AppError } from '../../../shared/errors';

const TABLE = [{ year: 2026, workingAgeKopecks: 332_800 }];

const ID_CARD: ServiceInput = {
  id: 'id-card',
  code: 'ID-01',
  nameUk: 'Оформлення паспорта громадянина України у формі ID-картки',
  nameEn: 'ID card',
  provider: { nameUk: 'ДМС', nameEn: 'State Migration Service', edrpou: null },
  legalBasis: null,
  refusalGrounds: [],
  deliveryChannels: ['in_person'],
  applicantKinds: ['person'],
  requiresRnokpp: true,
  personalAttendance: true,
  requiredFields: [],
  tiers: [
    {
      id: 'standard',
      nameUk: '20 робочих днів',
      nameEn: '20 working days',
      deadline: { value: 20, unit: 'working_days' },
      fees: [
        { kind: 'admin_fee', amount: { type: 'fixed', kopecks: 10_000 }, unless: 'first_issue' },
        { kind: 'blank', amount: { type: 'fixed', kopecks: 45_800 }, unless: 'first_issue' },
      ],
    },
    {
      id: 'express',
      nameUk: '10 робочих днів',
      nameEn: '10 working days',
      deadline: { value: 10, unit: 'working_days' },
      fees: [
        { kind: 'admin_fee', amount: { type: 'fixed', kopecks: 30_000 } },
        { kind: 'blank', amount: { type: 'fixed', kopecks: 45_800 } },
      ],
    },
    { id: 'unstated', nameUk: 'Без строку', nameEn: 'No term', deadline: null, fees: [] },
  ],
  feeConditions: [{ id: 'first_issue', nameUk: 'Перше оформлення', nameEn: 'First issue' }],
  active: true,
  documents: [],
};
const service = Service.parse(ID_CARD);

describe('the terms a case is registered under', () => {
  it('takes the first tier unless one is chosen; each tier prices as configured', () => {
    const standard = termsFor(service, {}, '2026-12-03', TABLE);
    expect(standard.tier).toEqual({ id: 'standard', nameUk: '20 робочих днів', nameEn: '20 working days' });
    expect(standard.deadline).toEqual({ value: 20, unit: 'working_days', kind: 'not_after', anchor: 'intake' });
    expect(standard.termStated).toBe(true);
    expect(standard.fee.totalKopecks).toBe(55_800);
    const express = termsFor(service, { tierId: 'express' }, '2026-12-03', TABLE);
    expect(express.deadline.value).toBe(10);
    expect(express.fee.totalKopecks).toBe(75_800);
  });

  it('a condition marked changes the fee (the first ID card is free) and is kept on the case', () => {
    const first = termsFor(service, { conditions: ['first_issue'] }, '2026-12-03', TABLE);
    expect(first.fee.totalKopecks).toBe(0);
    expect(first.fee.conditions).toEqual(['first_issue']);
  });

  it('a tier with no stated term gets the 30-calendar-day default, marked as not stated', () => {
    const terms = termsFor(service, { tierId: 'unstated' }, '2026-12-03', TABLE);
    expect(terms.deadline).toEqual(DEFAULT_DEADLINE);
    expect(terms.termStated).toBe(false);
  });

  it('an exemption zeroes the fee with its reason', () => {
    const terms = termsFor(service, { tierId: 'express', exemption: { reason: 'Внутрішньо переміщена особа' } }, '2026-12-03', TABLE);
    expect(terms.fee.totalKopecks).toBe(0);
    expect(terms.fee.exemption).toEqual({ reason: 'Внутрішньо переміщена особа' });
  });

  it('an unknown tier or condition is refused, naming the field', () => {
    const refused = (choice: Parameters<typeof termsFor>[1]) => {
      try {
        termsFor(service, choice, '2026-12-03', TABLE);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).issues;
      }
      throw new Error('accepted');
    };
    expect(refused({ tierId: 'overnight' })).toEqual([{ path: ['tierId'], message: 'terms.unknown_tier' }]);
    expect(refused({ conditions: ['first_issue', 'late'] })).toEqual([{ path: ['feeConditions', 1], message: 'terms.unknown_condition' }]);
  });

  it('a service whose tier ids repeat is not a valid card', () => {
    const twice = { ...ID_CARD, tiers: [ID_CARD.tiers[0]!, ID_CARD.tiers[0]!] };
    expect(Service.safeParse(twice).error?.issues).toEqual([
      expect.objectContaining({ path: ['tiers', 1, 'id'], message: 'catalog.duplicate_id' }),
    ]);
  });
});
