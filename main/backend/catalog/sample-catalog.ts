import type { DeadlineRuleInput } from '../../../shared/domain/deadline-rule';
import type { FeeComponentInput, SubsistenceMinimum } from '../../../shared/domain/fee-rule';
import type { ServiceInput, ServiceTierInput } from '../../../shared/domain/service';

/**
 * SAMPLE DATA — a starting catalog so a new desk can work before the back office publishes the
 * center's own (docs/IT.md). Names, terms, fee rules and documents follow typical information cards
 * and docs/ARCHITECTURE.md §6.4; the amounts, the legal citations and the providers' ЄДРПОУ codes
 * (valid in form, not the real bodies' codes) are illustrative, not legal advice. A center replaces it:
 * the first catalog pulled from the back office wins.
 */

/** The working-age subsistence minimum on 1 January (state budget laws), the base of fees given as shares. */
export const SAMPLE_SUBSISTENCE_MINIMUMS: readonly SubsistenceMinimum[] = [
  { year: 2025, workingAgeKopecks: 302_800 },
  { year: 2026, workingAgeKopecks: 332_800 },
];

type Text = [uk: string, en: string];
type Provider = ServiceInput['provider'];

const provider = ([nameUk, nameEn]: Text, edrpou: string): Provider => ({ nameUk, nameEn, edrpou });
const DMS = provider(['Державна міграційна служба України (SAMPLE)', 'State Migration Service of Ukraine (SAMPLE)'], '39000013');
const DRACS = provider(['Відділ державної реєстрації актів цивільного стану (SAMPLE)', 'Civil Registry Office (SAMPLE)'], '39000029');
const REG = provider(
  ['Відділ державної реєстрації юридичних осіб та ФОП (SAMPLE)', 'Business Registration Department (SAMPLE)'],
  '39000034',
);
const LAND = provider(['Держгеокадастр (SAMPLE)', 'State Service for Geodesy, Cartography and Cadastre (SAMPLE)'], '39000049');
const SOCIAL = provider(['Управління соціального захисту населення (SAMPLE)', 'Social Protection Department (SAMPLE)'], '39000055');
const MUNICIPAL = provider(['Виконавчий комітет міської ради (SAMPLE)', 'City Council Executive Committee (SAMPLE)'], '39000060');
const PROPERTY = provider(
  ['Відділ державної реєстрації речових прав (SAMPLE)', 'Property Rights Registration Department (SAMPLE)'],
  '39000076',
);
const TAX = provider(['Державна податкова служба України (SAMPLE)', 'State Tax Service of Ukraine (SAMPLE)'], '39000081');

type Need = 'required' | 'optional' | 'if_available';
type Doc = [uk: string, en: string, need?: Need];

const APPLICATION: Doc = ['Заява', 'Application form'];
const ID_DOC: Doc = ['Паспорт громадянина України або інший документ, що посвідчує особу', 'Passport or other identity document'];
const RNOKPP: Doc = ['Реєстраційний номер облікової картки платника податків', 'Taxpayer registration number (РНОКПП)'];
// A paid service's receipt is shown when the applicant has it: the payment itself is recorded on the case, and an exempt person has none.
const PAYMENT: Doc = ['Документ про сплату адміністративного збору', 'Proof of payment of the administrative fee', 'if_available'];
const BIRTH: Doc = ['Свідоцтво про народження', 'Birth certificate'];
const PHOTO: Doc = ['Фотокартка 3,5×4,5 см', 'Photograph 3.5×4.5 cm'];
const TITLE: Doc = ['Документ, що підтверджує право власності', 'Proof of ownership'];
const RESIDENCE_RIGHT: Doc = ['Документ, що підтверджує право на проживання', 'Proof of the right to reside'];

const ground = (code: string, textUk: string, textEn: string) => ({ code, textUk, textEn });
const INCOMPLETE = ground('incomplete', 'Подання неповного пакета документів', 'An incomplete set of documents');
const INVALID = ground(
  'invalid_documents',
  'Подані документи не відповідають вимогам законодавства або містять недостовірні відомості',
  'The documents do not meet the law’s requirements or contain false information',
);
const NOT_ENTITLED = ground('not_entitled', 'Особа не має права на отримання послуги', 'The person is not entitled to the service');
const ENCUMBRANCE = ground(
  'encumbrance',
  'Наявні зареєстровані обтяження речових прав, що перешкоджають реєстрації',
  'Registered encumbrances prevent the registration',
);

const fixed = (uah: number, extra: Partial<FeeComponentInput> = {}): FeeComponentInput => ({
  kind: 'admin_fee',
  amount: { type: 'fixed', kopecks: Math.round(uah * 100) },
  ...extra,
});
/** The passport blank, paid to its maker apart from the administrative fee. */
const blank = (uah: number, extra: Partial<FeeComponentInput> = {}): FeeComponentInput =>
  fixed(uah, { kind: 'blank', payee: 'ДП «Документ» (SAMPLE)', ...extra });
const share = (part: number, extra: Partial<FeeComponentInput> = {}): FeeComponentInput => ({
  kind: 'admin_fee',
  amount: { type: 'subsistence_share', share: part },
  ...extra,
});

const working = (value: number): DeadlineRuleInput => ({ value, unit: 'working_days' });
const calendar = (value: number): DeadlineRuleInput => ({ value, unit: 'calendar_days' });
const SAME_DAY: DeadlineRuleInput = { value: 0, unit: 'same_day' };

/** A service's only tier: its term (null: no law states one) and fee. */
const only = (deadline: DeadlineRuleInput | null, fees: FeeComponentInput[] = []): ServiceTierInput[] => [
  { id: 'standard', nameUk: 'Звичайний строк', nameEn: 'Standard term', deadline, fees },
];
const tier = (id: string, [nameUk, nameEn]: Text, deadline: DeadlineRuleInput, fees: FeeComponentInput[]): ServiceTierInput => ({
  id,
  nameUk,
  nameEn,
  deadline,
  fees,
});

const FIRST_ISSUE = { id: 'first_issue', nameUk: 'Перше оформлення (з 14 років)', nameEn: 'First issue (at 14)' };
const LATE = { id: 'late', nameUk: 'Звернення з порушенням строку', nameEn: 'Applying after the legal term' };

/** Residence registration: 1.5 % of the subsistence minimum within the term, 2.5 % late (2026: 49.92 / 83.20 UAH). */
const RESIDENCE_FEES = [share(0.015, { unless: 'late' }), share(0.025, { when: 'late' })];

/** What most cards share; each service states what differs. */
interface Card {
  code: string;
  name: Text;
  provider: Provider;
  legalBasis: string;
  refusalGrounds?: ServiceInput['refusalGrounds'];
  deliveryChannels?: ServiceInput['deliveryChannels'];
  applicantKinds?: ServiceInput['applicantKinds'];
  requiresRnokpp?: boolean;
  personalAttendance?: boolean;
  requiredFields?: ServiceInput['requiredFields'];
  tiers: ServiceTierInput[];
  feeConditions?: ServiceInput['feeConditions'];
  documents: Doc[];
}

function card(c: Card): ServiceInput {
  return {
    id: `sample-${c.code.toLowerCase()}`,
    code: c.code,
    nameUk: c.name[0],
    nameEn: c.name[1],
    provider: c.provider,
    legalBasis: c.legalBasis,
    refusalGrounds: c.refusalGrounds ?? [INCOMPLETE, INVALID],
    deliveryChannels: c.deliveryChannels ?? ['in_person'],
    applicantKinds: c.applicantKinds ?? ['person'],
    requiresRnokpp: c.requiresRnokpp ?? false,
    personalAttendance: c.personalAttendance ?? false,
    requiredFields: c.requiredFields ?? [],
    tiers: c.tiers,
    feeConditions: c.feeConditions ?? [],
    active: true,
    documents: c.documents.map(([nameUk, nameEn, need = 'required'], i) => ({ position: i + 1, nameUk, nameEn, need })),
  };
}

const ID_LAW = 'Закон України «Про Єдиний державний демографічний реєстр та документи…»; постанова КМУ від 25.03.2015 № 302';
const PASSPORT_LAW = 'Закон України «Про порядок виїзду з України і в’їзду в Україну громадян України»; постанова КМУ від 07.05.2014 № 152';
const RESIDENCE_LAW =
  'Закон України «Про свободу пересування та вільний вибір місця проживання в Україні»; постанова КМУ від 07.02.2022 № 265';
const CIVIL_LAW = 'Закон України «Про державну реєстрацію актів цивільного стану»';
const BUSINESS_LAW = 'Закон України «Про державну реєстрацію юридичних осіб, фізичних осіб — підприємців та громадських формувань»';
const LAND_LAW = 'Закон України «Про Державний земельний кадастр»';
const PROPERTY_LAW = 'Закон України «Про державну реєстрацію речових прав на нерухоме майно та їх обтяжень», ст. 19, 34';
const SOCIAL_LAW = 'Закон України «Про державну допомогу сім’ям з дітьми»';
const TAX_LAW = 'Податковий кодекс України, ст. 70';

/** The property-rights term runs from the entry of the application in the State Register of Rights, not from intake. */
const fromRegister = (value: number, unit: 'working_days' | 'hours'): DeadlineRuleInput => ({ value, unit, anchor: 'register_entry' });
const tenUah = (part: number): FeeComponentInput => ({
  kind: 'admin_fee',
  amount: { type: 'subsistence_share', share: part, rounding: 'ten_hryvnias' },
});

export const SAMPLE_CATALOG: readonly ServiceInput[] = [
  card({
    code: 'ID-01',
    name: ['Оформлення паспорта громадянина України у формі ID-картки', 'ID card of a citizen of Ukraine'],
    provider: DMS,
    legalBasis: ID_LAW,
    requiresRnokpp: true,
    personalAttendance: true,
    tiers: [
      tier('standard', ['20 робочих днів', '20 working days'], working(20), [
        fixed(279, { unless: 'first_issue' }),
        blank(279, { unless: 'first_issue' }),
      ]),
      tier('express', ['10 робочих днів', '10 working days'], working(10), [fixed(579), blank(279)]),
    ],
    feeConditions: [FIRST_ISSUE],
    // The ID-card application form is produced at the workstation, not brought by the citizen.
    documents: [BIRTH, RNOKPP, PAYMENT],
  }),
  card({
    code: 'ID-03',
    name: ['Обмін паспорта-книжечки на ID-картку', 'Exchange of a passport booklet for an ID card'],
    provider: DMS,
    legalBasis: ID_LAW,
    requiresRnokpp: true,
    personalAttendance: true,
    tiers: [
      tier('standard', ['20 робочих днів', '20 working days'], working(20), [fixed(279), blank(279)]),
      tier('express', ['10 робочих днів', '10 working days'], working(10), [fixed(579), blank(279)]),
    ],
    documents: [ID_DOC, RNOKPP, PAYMENT],
  }),
  card({
    code: 'ZP-01',
    name: ['Оформлення паспорта для виїзду за кордон', 'Passport for travel abroad'],
    provider: DMS,
    legalBasis: PASSPORT_LAW,
    personalAttendance: true,
    tiers: [
      tier('standard', ['20 робочих днів', '20 working days'], working(20), [fixed(782), blank(260)]),
      tier('express', ['7 робочих днів', '7 working days'], working(7), [fixed(1262), blank(260)]),
    ],
    documents: [ID_DOC, PAYMENT],
  }),
  card({
    code: 'RM-01',
    name: ['Реєстрація місця проживання', 'Registration of the place of residence'],
    provider: MUNICIPAL,
    legalBasis: RESIDENCE_LAW,
    deliveryChannels: ['in_person', 'electronic'],
    tiers: only(SAME_DAY, RESIDENCE_FEES),
    feeConditions: [LATE],
    documents: [APPLICATION, ID_DOC, RESIDENCE_RIGHT, PAYMENT],
  }),
  card({
    code: 'RM-02',
    name: ['Зняття із задекларованого/зареєстрованого місця проживання', 'Deregistration of the place of residence'],
    provider: MUNICIPAL,
    legalBasis: RESIDENCE_LAW,
    tiers: only(SAME_DAY),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'RM-03',
    name: ['Довідка про зареєстрованих у житловому приміщенні осіб', 'Certificate of persons registered at a dwelling'],
    provider: MUNICIPAL,
    // No act states a term for this certificate: the 30-day default applies and the catalog flags it.
    legalBasis: 'Рішення виконавчого комітету міської ради (SAMPLE)',
    deliveryChannels: ['in_person', 'post', 'email'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(null),
    documents: [APPLICATION, ID_DOC, TITLE],
  }),
  card({
    code: 'RM-04',
    name: [
      'Реєстрація місця проживання іноземця або особи без громадянства',
      'Registration of the place of residence of a foreigner or stateless person',
    ],
    provider: MUNICIPAL,
    legalBasis: RESIDENCE_LAW,
    applicantKinds: ['person', 'sole_trader'],
    tiers: only(SAME_DAY, RESIDENCE_FEES),
    feeConditions: [LATE],
    documents: [
      APPLICATION,
      [
        'Паспортний документ іноземця або документ, що посвідчує особу без громадянства',
        'A foreigner’s passport or a stateless person’s document',
      ],
      ['Посвідка на постійне або тимчасове проживання', 'Permanent or temporary residence permit'],
      RESIDENCE_RIGHT,
      PAYMENT,
    ],
  }),
  card({
    code: 'RA-01',
    name: ['Державна реєстрація народження', 'Registration of a birth'],
    provider: DRACS,
    legalBasis: CIVIL_LAW,
    refusalGrounds: [INCOMPLETE, INVALID, NOT_ENTITLED],
    tiers: only(SAME_DAY),
    documents: [APPLICATION, ['Медичне свідоцтво про народження', 'Medical birth certificate'], ID_DOC],
  }),
  card({
    code: 'RA-02',
    name: ['Державна реєстрація смерті', 'Registration of a death'],
    provider: DRACS,
    legalBasis: CIVIL_LAW,
    tiers: only(SAME_DAY),
    documents: [APPLICATION, ['Лікарське свідоцтво про смерть', 'Medical certificate of death'], ID_DOC],
  }),
  card({
    code: 'RA-03',
    name: ['Видача повторного свідоцтва про державну реєстрацію акта цивільного стану', 'Duplicate civil status certificate'],
    provider: DRACS,
    legalBasis: CIVIL_LAW,
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    deliveryChannels: ['in_person', 'post'],
    tiers: only(calendar(30), [fixed(34)]),
    documents: [APPLICATION, ID_DOC, PAYMENT],
  }),
  card({
    code: 'RA-04',
    name: ['Державна реєстрація шлюбу', 'Registration of a marriage'],
    provider: DRACS,
    legalBasis: `${CIVIL_LAW}; Сімейний кодекс України, ст. 32`,
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    personalAttendance: true,
    // Registered not earlier than a month after the application (Сімейний кодекс, ст. 32): an earliest date, not a deadline.
    tiers: only({ value: 1, unit: 'months', kind: 'not_before' }),
    documents: [
      APPLICATION,
      ID_DOC,
      ['Документ про припинення попереднього шлюбу', 'Proof that a previous marriage ended', 'if_available'],
    ],
  }),
  card({
    code: 'FO-01',
    name: ['Державна реєстрація фізичної особи — підприємця', 'Registration of a sole trader'],
    provider: REG,
    legalBasis: BUSINESS_LAW,
    deliveryChannels: ['in_person', 'electronic'],
    requiresRnokpp: true,
    tiers: only({ value: 24, unit: 'hours' }),
    documents: [APPLICATION, ID_DOC, RNOKPP],
  }),
  card({
    code: 'FO-02',
    name: ['Державна реєстрація припинення підприємницької діяльності ФОП', 'Closure of a sole trader'],
    provider: REG,
    legalBasis: BUSINESS_LAW,
    deliveryChannels: ['in_person', 'electronic'],
    applicantKinds: ['sole_trader', 'person'],
    tiers: only({ value: 24, unit: 'hours' }),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'YO-01',
    name: ['Державна реєстрація створення юридичної особи', 'Registration of a legal entity'],
    provider: REG,
    legalBasis: BUSINESS_LAW,
    deliveryChannels: ['in_person', 'electronic'],
    applicantKinds: ['person', 'legal_entity'],
    tiers: only({ value: 24, unit: 'hours' }),
    documents: [
      APPLICATION,
      ['Рішення засновників про створення', 'Founders’ decision'],
      ['Установчий документ', 'Articles of association'],
      ID_DOC,
    ],
  }),
  card({
    code: 'YO-02',
    name: ['Державна реєстрація змін до відомостей про юридичну особу', 'Changes to a legal entity’s register record'],
    provider: REG,
    legalBasis: BUSINESS_LAW,
    deliveryChannels: ['in_person', 'electronic'],
    applicantKinds: ['legal_entity', 'person'],
    tiers: only({ value: 24, unit: 'hours' }, [share(0.3)]),
    documents: [APPLICATION, ['Рішення уповноваженого органу', 'Decision of the authorised body'], ID_DOC, PAYMENT],
  }),
  card({
    code: 'YO-03',
    name: ['Надання витягу з Єдиного державного реєстру', 'Extract from the Unified State Register'],
    provider: REG,
    legalBasis: BUSINESS_LAW,
    deliveryChannels: ['in_person', 'electronic', 'email'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(SAME_DAY, [share(0.05)]),
    documents: [APPLICATION, PAYMENT],
  }),
  card({
    code: 'ZM-01',
    name: ['Надання витягу з Державного земельного кадастру про земельну ділянку', 'Extract from the State Land Cadastre'],
    provider: LAND,
    legalBasis: LAND_LAW,
    deliveryChannels: ['in_person', 'post', 'email'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(working(10)),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'ZM-02',
    name: ['Державна реєстрація земельної ділянки', 'Registration of a land plot'],
    provider: LAND,
    legalBasis: LAND_LAW,
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(working(14)),
    documents: [APPLICATION, ['Документація із землеустрою', 'Land management documentation'], ID_DOC],
  }),
  card({
    code: 'NR-01',
    name: ['Державна реєстрація права власності на нерухоме майно', 'Registration of ownership of real estate'],
    provider: PROPERTY,
    legalBasis: PROPERTY_LAW,
    refusalGrounds: [INCOMPLETE, INVALID, ENCUMBRANCE],
    deliveryChannels: ['in_person', 'electronic'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    requiresRnokpp: true,
    tiers: [
      tier('five_days', ['5 робочих днів', '5 working days'], fromRegister(5, 'working_days'), [tenUah(0.1)]),
      tier('two_days', ['2 робочі дні', '2 working days'], fromRegister(2, 'working_days'), [tenUah(1)]),
      tier('one_day', ['1 робочий день', '1 working day'], fromRegister(1, 'working_days'), [tenUah(2)]),
      tier('two_hours', ['2 години', '2 hours'], fromRegister(2, 'hours'), [tenUah(5)]),
    ],
    // The application itself is formed in the register's software and signed there.
    documents: [ID_DOC, TITLE, PAYMENT],
  }),
  card({
    code: 'NR-02',
    name: ['Надання інформації з Державного реєстру речових прав', 'Information from the Register of Property Rights'],
    provider: PROPERTY,
    legalBasis: PROPERTY_LAW,
    deliveryChannels: ['in_person', 'electronic', 'email'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(SAME_DAY),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'SZ-01',
    name: ['Призначення допомоги при народженні дитини', 'Childbirth allowance'],
    provider: SOCIAL,
    legalBasis: SOCIAL_LAW,
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    deliveryChannels: ['in_person', 'post'],
    requiresRnokpp: true,
    tiers: only(calendar(10)),
    documents: [APPLICATION, ID_DOC, BIRTH, RNOKPP],
  }),
  card({
    code: 'SZ-02',
    name: ['Призначення житлової субсидії', 'Housing subsidy'],
    provider: SOCIAL,
    legalBasis: 'Постанова КМУ від 21.10.1995 № 848',
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    deliveryChannels: ['in_person', 'post'],
    tiers: only(calendar(10)),
    documents: [APPLICATION, ID_DOC, ['Декларація про доходи та майно', 'Income and property declaration']],
  }),
  card({
    code: 'SZ-03',
    name: ['Видача посвідчення особи з інвалідністю', 'Disability certificate'],
    provider: SOCIAL,
    legalBasis: 'Закон України «Про основи соціальної захищеності осіб з інвалідністю в Україні»',
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    tiers: only(calendar(30)),
    documents: [APPLICATION, ID_DOC, PHOTO, ['Довідка ЛКК/МСЕК', 'Medical commission certificate']],
  }),
  card({
    code: 'SZ-04',
    name: ['Призначення державної соціальної допомоги малозабезпеченим сім’ям', 'State social assistance to low-income families'],
    provider: SOCIAL,
    legalBasis: 'Закон України «Про державну соціальну допомогу малозабезпеченим сім’ям»',
    refusalGrounds: [INCOMPLETE, NOT_ENTITLED],
    deliveryChannels: ['in_person', 'post'],
    // The term runs from the day the papers reach the provider, not from intake: the due date comes with the hand-off.
    tiers: only({ value: 10, unit: 'working_days', anchor: 'handoff' }),
    documents: [APPLICATION, ID_DOC, ['Декларація про доходи та майно', 'Income and property declaration']],
  }),
  card({
    code: 'PD-01',
    name: ['Присвоєння реєстраційного номера облікової картки платника податків', 'Taxpayer registration number (РНОКПП)'],
    provider: TAX,
    legalBasis: TAX_LAW,
    tiers: only(working(3)),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'PD-02',
    name: ['Внесення до паспорта відмітки про право здійснювати платежі без РНОКПП', 'Passport mark: payments without a taxpayer number'],
    provider: TAX,
    legalBasis: TAX_LAW,
    tiers: only(working(3)),
    documents: [APPLICATION, ID_DOC],
  }),
  card({
    code: 'MS-01',
    name: ['Видача дозволу на розміщення зовнішньої реклами', 'Permit for outdoor advertising'],
    provider: MUNICIPAL,
    legalBasis: 'Закон України «Про рекламу»; постанова КМУ від 29.12.2003 № 2067',
    deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
    applicantKinds: ['person', 'sole_trader', 'legal_entity'],
    tiers: only(calendar(30)),
    documents: [
      APPLICATION,
      ['Фотокартка місця розташування', 'Photograph of the site'],
      ['Ескіз рекламного засобу', 'Sketch of the sign'],
    ],
  }),
];
