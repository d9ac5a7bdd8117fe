import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineRule } from '../../../shared/domain/deadline-rule';
import type { DeadlineRuleInput } from '../../../shared/domain/deadline-rule';
import { deadlineWording, ukPluralClass } from '../../../shared/domain/deadline-wording';

const words = (input: DeadlineRuleInput, lang: 'uk' | 'en') => deadlineWording(DeadlineRule.parse(input), lang);

describe('how a deadline rule is worded on the receipt and the screen', () => {
  it('states a latest date as «не пізніше» with the count in the genitive', () => {
    expect(words({ value: 20, unit: 'working_days' }, 'uk')).toBe('не пізніше 20 робочих днів з дня подання');
    expect(words({ value: 1, unit: 'working_days' }, 'uk')).toBe('не пізніше 1 робочого дня з дня подання');
    expect(words({ value: 30, unit: 'calendar_days' }, 'uk')).toBe('не пізніше 30 календарних днів з дня подання');
    expect(words({ value: 2, unit: 'hours' }, 'uk')).toBe('не пізніше 2 годин з моменту подання');
    expect(words({ value: 20, unit: 'working_days' }, 'en')).toBe('no later than 20 working days from submission');
  });

  it('states a not-before term (marriage) as such, never as a deadline', () => {
    expect(words({ value: 1, unit: 'months', kind: 'not_before' }, 'uk')).toBe('не раніше ніж через 1 місяць з дня подання');
    expect(words({ value: 3, unit: 'months', kind: 'not_before' }, 'uk')).toBe('не раніше ніж через 3 місяці з дня подання');
    expect(words({ value: 1, unit: 'months', kind: 'not_before' }, 'en')).toBe('not earlier than 1 month from submission');
  });

  it('a register-entry anchor prints «не пізніше» with how the date is counted', () => {
    expect(words({ value: 5, unit: 'working_days', anchor: 'register_entry' }, 'uk')).toBe(
      'не пізніше 5 робочих днів з дня реєстрації заяви в Державному реєстрі речових прав',
    );
    expect(words({ value: 2, unit: 'working_days', anchor: 'handoff' }, 'uk')).toBe(
      'не пізніше 2 робочих днів з дня надходження документів до суб’єкта надання',
    );
    expect(words({ value: 5, unit: 'working_days', anchor: 'register_entry' }, 'en')).toBe(
      'no later than 5 working days from the day the application is registered in the State Register of Real Property Rights',
    );
  });

  it('a same-day service reads «у день звернення»', () => {
    expect(words({ value: 0, unit: 'same_day' }, 'uk')).toBe('у день звернення');
    expect(words({ value: 0, unit: 'same_day' }, 'en')).toBe('on the day of application');
  });

  it('Ukrainian plural classes follow the last digits: 1, 21 one; 2–4, 22–24 few; 11–14 and the rest many', () => {
    expect([1, 21, 101].map(ukPluralClass)).toEqual([0, 0, 0]);
    expect([2, 3, 4, 22, 34].map(ukPluralClass)).toEqual([1, 1, 1, 1, 1]);
    expect([0, 5, 11, 12, 13, 14, 20, 111, 112].map(ukPluralClass)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('every rule is worded with its number, its kind and its anchor, in both languages', () => {
    const anyRule = fc.record({
      value: fc.integer({ min: 1, max: 1000 }),
      unit: fc.constantFrom('hours' as const, 'working_days' as const, 'calendar_days' as const, 'months' as const),
      kind: fc.constantFrom('not_after' as const, 'not_before' as const),
      anchor: fc.constantFrom('intake' as const, 'handoff' as const, 'register_entry' as const),
    });
    fc.assert(
      fc.property(anyRule, (r) => {
        const uk = words(r, 'uk');
        const en = words(r, 'en');
        expect(uk).toContain(` ${r.value} `);
        expect(en).toContain(` ${r.value} `);
        expect(uk.startsWith(r.kind === 'not_after' ? 'не пізніше ' : 'не раніше ніж через ')).toBe(true);
        expect(en.startsWith(r.kind === 'not_after' ? 'no later than ' : 'not earlier than ')).toBe(true);
        expect(uk.includes('Державному реєстрі')).toBe(r.anchor === 'register_entry');
        expect(uk.includes('суб’єкта надання')).toBe(r.anchor === 'handoff');
      }),
    );
  });
});
