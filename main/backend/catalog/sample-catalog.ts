import type { SubsistenceMinimum } from '../../../shared/domain/fee-rule';
import type { ServiceInput } from '../../../shared/domain/service';

/**
 * SAMPLE DATA — a starting catalog so a new desk can work before the back office sends the
 * center's own. Names, providers and documents follow typical information cards; fees and
 * deadlines are illustrative, not legal advice. A center replaces it (the back office's
 * catalog arrives by sync and wins).
 */
type Doc = [uk: string, en: string];
type Sample = [
  code: string,
  uk: string,
  en: string,
  provider: Doc,
  feeUah: number,
  deadline: number,
  unit: 'working_days' | 'calendar_days',
  docs: Doc[],
  /** Personal attendance required by law (biometrics): no representative. */
  personal?: 'personal',
];

const DMS: Doc = ['Державна міграційна служба України', 'State Migration Service of Ukraine'];
const DRACS: Doc = ['Відділ державної реєстрації актів цивільного стану', 'Civil Registry Office'];
const REG: Doc = ['Відділ державної реєстрації юридичних осіб та ФОП', 'Business Registration Department'];
const LAND: Doc = ['Держгеокадастр', 'State Service for Geodesy, Cartography and Cadastre'];
const SOCIAL: Doc = ['Управління соціального захисту населення', 'Social Protection Department'];
const MUNICIPAL: Doc = ['Виконавчий комітет міської ради', 'City Council Executive Committee'];
const PROPERTY: Doc = ['Відділ державної реєстрації речових прав', 'Property Rights Registration Department'];
const TAX: Doc = ['Державна податкова служба України', 'State Tax Service of Ukraine'];

const APPLICATION: Doc = ['Заява', 'Application form'];
const ID_DOC: Doc = ['Паспорт громадянина України або інший документ, що посвідчує особу', 'Passport or other identity document'];
const RNOKPP: Doc = ['Реєстраційний номер облікової картки платника податків', 'Taxpayer registration number (РНОКПП)'];
const PAYMENT: Doc = ['Документ про сплату адміністративного збору', 'Proof of payment of the administrative fee'];
const BIRTH: Doc = ['Свідоцтво про народження', 'Birth certificate'];
const PHOTO: Doc = ['Фотокартка 3,5×4,5 см', 'Photograph 3.5×4.5 cm'];
const TITLE: Doc = ['Документ, що підтверджує право власності', 'Proof of ownership'];

const SAMPLES: Sample[] = [
  [
    'ID-01',
    'Оформлення паспорта громадянина України у формі ID-картки',
    'ID card of a citizen of Ukraine',
    DMS,
    279,
    20,
    'working_days',
    [APPLICATION, BIRTH, RNOKPP, PAYMENT],
    'personal',
  ],
  [
    'ID-02',
    'Оформлення ID-картки у скорочений строк',
    'ID card, express',
    DMS,
    487,
    10,
    'working_days',
    [APPLICATION, BIRTH, RNOKPP, PAYMENT],
    'personal',
  ],
  [
    'ID-03',
    'Обмін паспорта-книжечки на ID-картку',
    'Exchange of a passport booklet for an ID card',
    DMS,
    279,
    20,
    'working_days',
    [APPLICATION, ID_DOC, RNOKPP, PAYMENT],
    'personal',
  ],
  [
    'ZP-01',
    'Оформлення паспорта для виїзду за кордон',
    'Passport for travel abroad',
    DMS,
    782,
    20,
    'working_days',
    [APPLICATION, ID_DOC, PAYMENT],
    'personal',
  ],
  [
    'ZP-02',
    'Оформлення закордонного паспорта у скорочений строк',
    'Passport for travel abroad, express',
    DMS,
    1158,
    7,
    'working_days',
    [APPLICATION, ID_DOC, PAYMENT],
    'personal',
  ],
  [
    'RM-01',
    'Реєстрація місця проживання',
    'Registration of the place of residence',
    MUNICIPAL,
    0,
    1,
    'working_days',
    [APPLICATION, ID_DOC, ['Документ, що підтверджує право на проживання', 'Proof of the right to reside'], PAYMENT],
  ],
  [
    'RM-02',
    'Зняття із задекларованого/зареєстрованого місця проживання',
    'Deregistration of the place of residence',
    MUNICIPAL,
    0,
    1,
    'working_days',
    [APPLICATION, ID_DOC],
  ],
  [
    'RM-03',
    'Довідка про зареєстрованих у житловому приміщенні осіб',
    'Certificate of persons registered at a dwelling',
    MUNICIPAL,
    0,
    3,
    'working_days',
    [APPLICATION, ID_DOC, TITLE],
  ],
  [
    'RM-04',
    'Реєстрація місця проживання іноземця або особи без громадянства',
    'Registration of the place of residence of a foreigner or stateless person',
    MUNICIPAL,
    0,
    1,
    'working_days',
    [
      APPLICATION,
      [
        'Паспортний документ іноземця або документ, що посвідчує особу без громадянства',
        'A foreigner’s passport or a stateless person’s document',
      ],
      ['Посвідка на постійне або тимчасове проживання', 'Permanent or temporary residence permit'],
      ['Документ, що підтверджує право на проживання', 'Proof of the right to reside'],
    ],
  ],
  [
    'RA-01',
    'Державна реєстрація народження',
    'Registration of a birth',
    DRACS,
    0,
    1,
    'working_days',
    [APPLICATION, ['Медичне свідоцтво про народження', 'Medical birth certificate'], ID_DOC],
  ],
  [
    'RA-02',
    'Державна реєстрація смерті',
    'Registration of a death',
    DRACS,
    0,
    1,
    'working_days',
    [APPLICATION, ['Лікарське свідоцтво про смерть', 'Medical certificate of death'], ID_DOC],
  ],
  [
    'RA-03',
    'Видача повторного свідоцтва про державну реєстрацію акта цивільного стану',
    'Duplicate civil status certificate',
    DRACS,
    34,
    30,
    'calendar_days',
    [APPLICATION, ID_DOC, PAYMENT],
  ],
  [
    'RA-04',
    'Державна реєстрація шлюбу',
    'Registration of a marriage',
    DRACS,
    0,
    30,
    'calendar_days',
    [APPLICATION, ID_DOC, ['Документ про припинення попереднього шлюбу (за наявності)', 'Proof that a previous marriage ended (if any)']],
  ],
  [
    'FO-01',
    'Державна реєстрація фізичної особи — підприємця',
    'Registration of a sole trader',
    REG,
    0,
    1,
    'working_days',
    [APPLICATION, ID_DOC, RNOKPP],
  ],
  [
    'FO-02',
    'Державна реєстрація припинення підприємницької діяльності ФОП',
    'Closure of a sole trader',
    REG,
    0,
    1,
    'working_days',
    [APPLICATION, ID_DOC],
  ],
  [
    'YO-01',
    'Державна реєстрація створення юридичної особи',
    'Registration of a legal entity',
    REG,
    0,
    1,
    'working_days',
    [APPLICATION, ['Рішення засновників про створення', 'Founders’ decision'], ['Установчий документ', 'Articles of association'], ID_DOC],
  ],
  [
    'YO-02',
    'Державна реєстрація змін до відомостей про юридичну особу',
    'Changes to a legal entity’s register record',
    REG,
    0,
    1,
    'working_days',
    [APPLICATION, ['Рішення уповноваженого органу', 'Decision of the authorised body'], ID_DOC, PAYMENT],
  ],
  [
    'YO-03',
    'Надання витягу з Єдиного державного реєстру',
    'Extract from the Unified State Register',
    REG,
    0,
    1,
    'working_days',
    [APPLICATION, PAYMENT],
  ],
  [
    'ZM-01',
    'Надання витягу з Державного земельного кадастру про земельну ділянку',
    'Extract from the State Land Cadastre',
    LAND,
    0,
    10,
    'working_days',
    [APPLICATION, ID_DOC, PAYMENT],
  ],
  [
    'ZM-02',
    'Державна реєстрація земельної ділянки',
    'Registration of a land plot',
    LAND,
    0,
    14,
    'working_days',
    [APPLICATION, ['Документація із землеустрою', 'Land management documentation'], ID_DOC],
  ],
  [
    'NR-01',
    'Державна реєстрація права власності на нерухоме майно',
    'Registration of ownership of real estate',
    PROPERTY,
    0,
    5,
    'working_days',
    [APPLICATION, ID_DOC, TITLE, PAYMENT],
  ],
  [
    'NR-02',
    'Надання інформації з Державного реєстру речових прав',
    'Information from the Register of Property Rights',
    PROPERTY,
    0,
    1,
    'working_days',
    [APPLICATION, ID_DOC, PAYMENT],
  ],
  [
    'SZ-01',
    'Призначення допомоги при народженні дитини',
    'Childbirth allowance',
    SOCIAL,
    0,
    10,
    'calendar_days',
    [APPLICATION, ID_DOC, BIRTH, RNOKPP],
  ],
  [
    'SZ-02',
    'Призначення житлової субсидії',
    'Housing subsidy',
    SOCIAL,
    0,
    10,
    'calendar_days',
    [APPLICATION, ID_DOC, ['Декларація про доходи та майно', 'Income and property declaration']],
  ],
  [
    'SZ-03',
    'Видача посвідчення особи з інвалідністю',
    'Disability certificate',
    SOCIAL,
    0,
    30,
    'calendar_days',
    [APPLICATION, ID_DOC, PHOTO, ['Довідка ЛКК/МСЕК', 'Medical commission certificate']],
  ],
  [
    'PD-01',
    'Присвоєння реєстраційного номера облікової картки платника податків',
    'Taxpayer registration number (РНОКПП)',
    TAX,
    0,
    3,
    'working_days',
    [APPLICATION, ID_DOC],
  ],
  [
    'PD-02',
    'Внесення до паспорта відмітки про право здійснювати платежі без РНОКПП',
    'Passport mark: payments without a taxpayer number',
    TAX,
    0,
    3,
    'working_days',
    [APPLICATION, ID_DOC],
  ],
  [
    'MS-01',
    'Видача дозволу на розміщення зовнішньої реклами',
    'Permit for outdoor advertising',
    MUNICIPAL,
    0,
    30,
    'calendar_days',
    [APPLICATION, ['Фотокартка місця розташування', 'Photograph of the site'], ['Ескіз рекламного засобу', 'Sketch of the sign']],
  ],
];

/** The working-age subsistence minimum on 1 January (state budget laws): SAMPLE DATA too, check it against the law. */
export const SAMPLE_SUBSISTENCE_MINIMUMS: readonly SubsistenceMinimum[] = [
  { year: 2025, workingAgeKopecks: 302_800 },
  { year: 2026, workingAgeKopecks: 332_800 },
];

/**
 * The РНОКПП is required where the card lists it among the documents (a person who refused it on
 * religious grounds still applies: registration-rules.ts).
 */
export const SAMPLE_CATALOG: readonly ServiceInput[] = SAMPLES.map(([code, uk, en, provider, feeUah, deadline, unit, docs, personal]) => ({
  id: `sample-${code.toLowerCase()}`,
  code,
  nameUk: uk,
  nameEn: en,
  provider: { nameUk: provider[0], nameEn: provider[1], edrpou: null },
  legalBasis: null,
  refusalGrounds: [],
  deliveryChannels: ['in_person', 'post', 'email', 'electronic'],
  applicantKinds: ['person', 'sole_trader', 'legal_entity'],
  requiresRnokpp: docs.includes(RNOKPP),
  personalAttendance: personal === 'personal',
  requiredFields: [],
  tiers: [
    {
      id: 'standard',
      nameUk: 'Звичайний строк',
      nameEn: 'Standard term',
      deadline: { value: deadline, unit },
      fees: feeUah > 0 ? [{ kind: 'admin_fee', amount: { type: 'fixed', kopecks: feeUah * 100 } }] : [],
    },
  ],
  feeConditions: [],
  active: true,
  documents: docs.map(([docUk, docEn], i) => ({ position: i + 1, nameUk: docUk, nameEn: docEn, need: 'required' })),
}));
