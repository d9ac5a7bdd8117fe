import type { DeadlineAnchor, DeadlineRuleData, DeadlineUnit } from './deadline-rule';

export type WordingLang = 'uk' | 'en';

type CountedUnit = Exclude<DeadlineUnit, 'same_day'>;

/**
 * Ukrainian nouns after a number: [one, few (2–4), many]. «Не пізніше» takes the genitive
 * («не пізніше 1 робочого дня», «20 робочих днів»); «через» takes the accusative («через 1 місяць»,
 * «через 2 місяці», «через 5 місяців»).
 */
const UK_GENITIVE: Record<CountedUnit, readonly [string, string, string]> = {
  hours: ['години', 'годин', 'годин'],
  working_days: ['робочого дня', 'робочих днів', 'робочих днів'],
  calendar_days: ['календарного дня', 'календарних днів', 'календарних днів'],
  months: ['місяця', 'місяців', 'місяців'],
};
const UK_ACCUSATIVE: Record<CountedUnit, readonly [string, string, string]> = {
  hours: ['годину', 'години', 'годин'],
  working_days: ['робочий день', 'робочі дні', 'робочих днів'],
  calendar_days: ['календарний день', 'календарні дні', 'календарних днів'],
  months: ['місяць', 'місяці', 'місяців'],
};
const EN_UNITS: Record<CountedUnit, readonly [string, string]> = {
  hours: ['hour', 'hours'],
  working_days: ['working day', 'working days'],
  calendar_days: ['calendar day', 'calendar days'],
  months: ['month', 'months'],
};

/** From which event, as a receipt says it: «з дня подання», or «з моменту подання» for a term in hours. */
const UK_ANCHOR: Record<DeadlineAnchor, string> = {
  intake: 'подання',
  handoff: 'надходження документів до суб’єкта надання',
  register_entry: 'реєстрації заяви в Державному реєстрі речових прав',
};
const EN_ANCHOR: Record<DeadlineAnchor, string> = {
  intake: 'submission',
  handoff: 'the documents reach the provider',
  register_entry: 'the application is registered in the State Register of Real Property Rights',
};

/** The Ukrainian plural class of a count: 1, 21, 101 → one; 2–4, 22–24 → few; else many. */
export function ukPluralClass(n: number): 0 | 1 | 2 {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

/**
 * A rule as the receipt and the screen print it: «не пізніше 20 робочих днів з дня подання»,
 * «не раніше ніж через 1 місяць з дня подання», «у день звернення». A rule anchored on a later event
 * reads the same way with that event, so no false date is ever printed for it.
 */
export function deadlineWording(rule: DeadlineRuleData, lang: WordingLang): string {
  if (rule.unit === 'same_day') return lang === 'uk' ? 'у день звернення' : 'on the day of application';
  const unit = rule.unit;
  const n = rule.value;
  if (lang === 'uk') {
    const from = `з ${unit === 'hours' ? 'моменту' : 'дня'} ${UK_ANCHOR[rule.anchor]}`;
    return rule.kind === 'not_after'
      ? `не пізніше ${n} ${UK_GENITIVE[unit][ukPluralClass(n)]} ${from}`
      : `не раніше ніж через ${n} ${UK_ACCUSATIVE[unit][ukPluralClass(n)]} ${from}`;
  }
  const count = `${n} ${EN_UNITS[unit][n === 1 ? 0 : 1]}`;
  const from = rule.anchor === 'intake' ? `from ${EN_ANCHOR.intake}` : `from the day ${EN_ANCHOR[rule.anchor]}`;
  return rule.kind === 'not_after' ? `no later than ${count} ${from}` : `not earlier than ${count} ${from}`;
}
