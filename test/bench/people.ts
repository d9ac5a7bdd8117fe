/**
 * Realistic Ukrainian applicants for the store bench: common surnames weighted by how often
 * they occur, given names by sex, patronymics derived from male given names, and identifiers
 * that pass the app's own validators. Everything comes from a seeded PRNG, so two runs build
 * the same data set and their figures are comparable.
 */
import { edrpouCheckDigit } from '../../shared/validate/edrpou';
import { rnokppCheckDigit } from '../../shared/validate/rnokpp';

/** mulberry32: tiny, fast and good enough to spread test data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(Math.floor(random() * 10));
  return out;
}

/**
 * In rough order of frequency (the first are the most common surnames in Ukraine), so a
 * Zipf-like weighting gives Мельник and Шевченко many namesakes and the tail few — which is
 * what makes a prefix like "Шев" expensive and worth measuring. Both apostrophe spellings
 * (U+02BC and ASCII) occur, as they do in real registers.
 */
const SURNAMES = [
  'Мельник',
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Бойко',
  'Ткаченко',
  'Кравченко',
  'Ковальчук',
  'Коваль',
  'Олійник',
  'Шевчук',
  'Поліщук',
  'Іваненко',
  'Лисенко',
  'Ткачук',
  'Савченко',
  'Руденко',
  'Марченко',
  'Петренко',
  'Мороз',
  'Клименко',
  'Павленко',
  'Кравчук',
  'Кузьменко',
  'Савчук',
  'Левченко',
  'Харченко',
  'Карпенко',
  'Гончаренко',
  'Романенко',
  'Швець',
  'Литвиненко',
  'Мартинюк',
  'Василенко',
  'Мазур',
  'Приходько',
  'Кушнір',
  'Кириленко',
  'Юрченко',
  'Гаврилюк',
  'Панченко',
  'Бондар',
  'Тимошенко',
  'Дячук',
  'Бабенко',
  'Данилюк',
  'Білик',
  'Лук\u02bcяненко',
  'Сидоренко',
  'Костенко',
  'Зінченко',
  'Кравець',
  'Ярошенко',
  'Олексієнко',
  'Гуменюк',
  'Мельничук',
  'Дмитренко',
  'Степаненко',
  'Демченко',
  'Кучер',
  'Ковальов',
  'Гнатюк',
  'Власенко',
  'Педченко',
  'Семенко',
  'Пономаренко',
  'Захарченко',
  'Остапенко',
  'Собко',
  'Кузьмич',
  'Гордієнко',
  'Пилипенко',
  'Антонюк',
  'Назаренко',
  'Ковтун',
  'Мисник',
  'Головко',
  'Хоменко',
  'Остапчук',
  'Тарасенко',
  'Литвин',
  'Сорока',
  'Грищенко',
  'Вовк',
  'Гуменко',
  'Білоус',
  'Рибак',
  'Максименко',
  'Дем\u02bcянчук',
  'Онищенко',
  'Гриценко',
  'Дорошенко',
  'Процик',
  'Якименко',
  'Ігнатенко',
  'Науменко',
  'Яковенко',
  'Фесенко',
  'Черненко',
  'Нестеренко',
  'Ющенко',
  "Мар'янчук",
  'Жук',
  'Ковальський',
  'Заїка',
  'Довженко',
  'Федоренко',
  'Лозинський',
  'Вакуленко',
  'Бережний',
  'Прокопенко',
  'Сахно',
  'Щербак',
  'Кирилюк',
  'Гребенюк',
  'Соловйов',
  'Мирошниченко',
  'Тищенко',
  'Чорновол',
  'Левицький',
  'Стецюк',
  'Гайдамака',
  'Ґонта',
  'Ґудзь',
  'Єрмоленко',
  'Їжакевич',
  'Охріменко',
  'Юзвенко',
  'Яценко',
  'Дзюба',
  'Вербицький',
  'Франко',
  'Косач',
  'Стефаник',
  'Гнатів',
  'Тимчишин',
  'Бандурко',
  'Солов\u02bcян',
  "П'ятничук",
  'Зайченко',
  'Шаповал',
  'Ємець',
  'Гурський',
  'Климчук',
  'Ничипорук',
  'Оліфіренко',
  'Середа',
  'Чубенко',
  'Шульга',
  'Вдовиченко',
] as const;

/** Surnames that agree in gender: -ський/-цький/-ий → -ська/-цька/-а, -ов/-ев/-ін/-їн → +а. */
function surnameFor(surname: string, sex: 'male' | 'female'): string {
  if (sex === 'male') return surname;
  if (/(ськ|цьк)ий$/.test(surname)) return `${surname.slice(0, -2)}а`;
  if (/(ов|ев|єв|ін|їн)$/.test(surname)) return `${surname}а`;
  return surname;
}

const MALE_NAMES = [
  'Олександр',
  'Сергій',
  'Володимир',
  'Андрій',
  'Микола',
  'Іван',
  'Віктор',
  'Юрій',
  'Василь',
  'Олег',
  'Дмитро',
  'Михайло',
  'Петро',
  'Анатолій',
  'Ігор',
  'Віталій',
  'Роман',
  'Богдан',
  'Павло',
  'Ярослав',
  'Максим',
  'Артем',
  'Денис',
  'Євген',
  'Олексій',
  'Тарас',
  'Степан',
  'Григорій',
  'Леонід',
  'Валерій',
  'Вадим',
  'Руслан',
  'Станіслав',
  'Костянтин',
  'Назар',
  'Остап',
  'Данило',
  'Матвій',
  'Тимофій',
  'Кирило',
  'В\u02bcячеслав',
  "Дем'ян",
  'Федір',
  'Яків',
  'Лев',
  'Ілля',
  'Микита',
  'Захар',
  'Борис',
  'Геннадій',
  'Аркадій',
  'Всеволод',
  'Мирослав',
  'Святослав',
  'Любомир',
  'Орест',
  'Зіновій',
  'Ґедеон',
  'Єгор',
  'Семен',
] as const;

const FEMALE_NAMES = [
  'Олена',
  'Наталія',
  'Тетяна',
  'Ірина',
  'Світлана',
  'Оксана',
  'Ольга',
  'Юлія',
  'Людмила',
  'Марія',
  'Галина',
  'Валентина',
  'Ніна',
  'Надія',
  'Віра',
  'Любов',
  'Лариса',
  'Катерина',
  'Анна',
  'Ганна',
  'Алла',
  'Інна',
  'Вікторія',
  'Мар\u02bcяна',
  'Анастасія',
  'Дарина',
  'Софія',
  'Христина',
  'Богдана',
  'Ярослава',
  'Зоряна',
  'Соломія',
  'Уляна',
  'Євгенія',
  'Єлизавета',
  'Лілія',
  'Олеся',
  'Леся',
  'Марина',
  'Антоніна',
  'Раїса',
  'Зінаїда',
  'Лідія',
  'Тамара',
  'Неля',
  'Жанна',
  'Діана',
  'Аліна',
  'Вероніка',
  'Яна',
  'Ксенія',
  'Роксолана',
  'Мирослава',
  'Стефанія',
  'Поліна',
  'Злата',
  'Іванна',
  'Ангеліна',
  'Ївга',
  'Емілія',
] as const;

/** Patronymics that do not follow the regular rules below. */
const IRREGULAR_PATRONYMICS: Readonly<Record<string, readonly [male: string, female: string]>> = {
  Микола: ['Миколайович', 'Миколаївна'],
  Яків: ['Якович', 'Яківна'],
  Федір: ['Федорович', 'Федорівна'],
  Лев: ['Львович', 'Львівна'],
  Ілля: ['Ілліч', 'Іллівна'],
  Микита: ['Микитович', 'Микитівна'],
  Захар: ['Захарович', 'Захарівна'],
};

/** The father's given name → his child's patronymic: Сергій → Сергійович / Сергіївна, Петро → Петрович / Петрівна. */
export function patronymic(fatherName: string, sex: 'male' | 'female'): string {
  const irregular = IRREGULAR_PATRONYMICS[fatherName];
  if (irregular) return sex === 'male' ? irregular[0] : irregular[1];
  if (fatherName.endsWith('ій')) return sex === 'male' ? `${fatherName}ович` : `${fatherName.slice(0, -1)}ївна`;
  const stem = /[оа]$/.test(fatherName) ? fatherName.slice(0, -1) : fatherName;
  return sex === 'male' ? `${stem}ович` : `${stem}івна`;
}

/** Zipf-like weights (rank^-0.9) as a cumulative table, sampled by binary search. */
function weightedPicker<T>(items: readonly T[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, rank) => {
    total += 1 / (rank + 1) ** 0.9;
    cumulative.push(total);
  });
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? total) < target) lo = mid + 1;
      else hi = mid;
    }
    const item = items[lo];
    if (item === undefined) throw new Error('weighted pick out of range');
    return item;
  };
}

const pickSurname = weightedPicker(SURNAMES);
const pickMaleName = weightedPicker(MALE_NAMES);
const pickFemaleName = weightedPicker(FEMALE_NAMES);

/** РНОКПП's first five digits count days from 1899-12-31 (1900-01-01 is day 1). */
const RNOKPP_EPOCH_MS = Date.UTC(1899, 11, 31);
const DAY_MS = 86_400_000;
const MOBILE_CODES = ['50', '66', '95', '99', '67', '68', '96', '97', '98', '63', '73', '93'] as const;
const STREETS = [
  'вул. Хрещатик',
  'вул. Шевченка',
  'просп. Перемоги',
  'вул. Січових Стрільців',
  'вул. Івана Франка',
  'вул. Лесі Українки',
  'бульв. Тараса Шевченка',
  'вул. Об\u02bcєднана',
] as const;
const TOWNS = [
  'м. Київ',
  'м. Львів',
  'м. Харків',
  'м. Одеса',
  'м. Дніпро',
  'м. Вінниця',
  'м. Житомир',
  'смт Ворзель',
  'с. Петрівське',
] as const;
const LEGAL_FORMS = ['ТОВ', 'ПП', 'ФГ', 'ГО', 'ОСББ'] as const;
const LEGAL_WORDS = [
  'Агро',
  'Буд',
  'Світанок',
  'Ґрунт',
  'Надія',
  'Дніпро',
  'Полісся',
  'Злагода',
  'Єдність',
  'Ятрань',
  'Сім\u02bcя',
  'Майстер',
] as const;

/** An applicant's own columns; dataset.ts adds the id, search_name and bookkeeping columns. */
export interface ApplicantRowValues {
  kind: 'person' | 'legal_entity';
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  rnokpp: string | null;
  id_doc_type: 'id_card' | 'passport_book' | null;
  id_doc_number: string | null;
  id_doc_issuer: string | null;
  id_doc_issued_on: string | null;
  unzr: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  notify_by: 'phone' | 'sms' | 'email' | 'post' | null;
  edrpou: string | null;
  legal_name: string | null;
  display_name: string;
}

/**
 * Makes applicants whose РНОКПП are unique: the serial part (digits 6–9) of each birth date
 * and sex is handed out in order, the way the tax service assigns them, and digit 9's
 * parity gives the sex (odd male, even female).
 */
export class PeopleGenerator {
  /** Next serial per (birth day, sex): ~26,700 birth days × 2 sexes × 5,000 serials leave ample room for 1 M people. */
  private readonly serials = new Map<number, number>();
  private idCardSerial: number;
  private legalSerial = 0;

  constructor(private readonly random: Random) {
    this.idCardSerial = between(random, 1_000_000, 9_000_000);
  }

  next(): ApplicantRowValues {
    return this.random() < 0.02 ? this.legalEntity() : this.person();
  }

  private person(): ApplicantRowValues {
    const random = this.random;
    const sex = random() < 0.54 ? 'female' : 'male';
    const surname = surnameFor(pickSurname(random), sex);
    const givenName = sex === 'male' ? pickMaleName(random) : pickFemaleName(random);
    const father = patronymic(pickMaleName(random), sex);
    // Born 1935–2007: adults who come to a ЦНАП on their own.
    const birthMs = Date.UTC(1935, 0, 1) + Math.floor(random() * 73 * 365.25) * DAY_MS;
    const birthDate = new Date(birthMs).toISOString().slice(0, 10);
    const dayNumber = Math.round((birthMs - RNOKPP_EPOCH_MS) / DAY_MS);
    const key = dayNumber * 2 + (sex === 'male' ? 1 : 0);
    const serial = this.serials.get(key) ?? 0;
    this.serials.set(key, serial + 1);
    if (serial >= 5000) throw new Error('Out of РНОКПП serials for one birth day; widen the birth-date range');
    const sexDigit = 2 * (serial % 5) + (sex === 'male' ? 1 : 0);
    const first9 = `${String(dayNumber).padStart(5, '0')}${String(Math.floor(serial / 5)).padStart(3, '0')}${sexDigit}`;
    const rnokpp = `${first9}${rnokppCheckDigit(first9)}`;
    // ID cards since 2016 for the younger and many renewals; the rest still hold a passport book.
    const hasIdCard = birthMs > Date.UTC(1990, 0, 1) || random() < 0.45;
    this.idCardSerial = (this.idCardSerial + between(random, 1, 7)) % 1_000_000_000;
    const issuedOn = `20${between(random, 16, 25)}-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
    const hasPhone = random() < 0.85;
    const hasEmail = random() < 0.25;
    return {
      kind: 'person',
      surname,
      given_name: givenName,
      patronymic: father,
      birth_date: birthDate,
      sex,
      rnokpp: random() < 0.995 ? rnokpp : null,
      id_doc_type: hasIdCard ? 'id_card' : 'passport_book',
      id_doc_number: hasIdCard
        ? String(this.idCardSerial).padStart(9, '0')
        : `${pick(random, ['СН', 'КВ', 'ВК', 'ЕР', 'МЕ'])}${digits(random, 6)}`,
      id_doc_issuer: hasIdCard
        ? digits(random, 4)
        : `${pick(random, ['Печерським', 'Шевченківським', 'Личаківським', 'Франківським'])} РВ ГУ ДМС`,
      id_doc_issued_on: issuedOn,
      unzr: hasIdCard ? `${birthDate.replaceAll('-', '')}-${digits(random, 5)}` : null,
      address: `${pick(random, TOWNS)}, ${pick(random, STREETS)}, ${between(random, 1, 180)}, кв. ${between(random, 1, 300)}`,
      phone: hasPhone ? `+380${pick(random, MOBILE_CODES)}${digits(random, 7)}` : null,
      email: hasEmail ? `user${Math.floor(random() * 1e9)}@ukr.net` : null,
      notify_by: hasPhone ? 'sms' : hasEmail ? 'email' : 'post',
      edrpou: null,
      legal_name: null,
      display_name: `${surname} ${givenName} ${father}`,
    };
  }

  private legalEntity(): ApplicantRowValues {
    const random = this.random;
    this.legalSerial += 1;
    const first7 = String(2_000_000 + this.legalSerial * 37).padStart(7, '0');
    const edrpou = `${first7}${edrpouCheckDigit(first7)}`;
    const legalName = `${pick(random, LEGAL_FORMS)} «${pick(random, LEGAL_WORDS)}${pick(random, LEGAL_WORDS).toLowerCase()}»`;
    return {
      kind: 'legal_entity',
      surname: null,
      given_name: null,
      patronymic: null,
      birth_date: null,
      sex: null,
      rnokpp: null,
      id_doc_type: null,
      id_doc_number: null,
      id_doc_issuer: null,
      id_doc_issued_on: null,
      unzr: null,
      address: `${pick(random, TOWNS)}, ${pick(random, STREETS)}, ${between(random, 1, 180)}`,
      phone: `+380${pick(random, MOBILE_CODES)}${digits(random, 7)}`,
      email: null,
      notify_by: 'phone',
      edrpou,
      legal_name: legalName,
      display_name: legalName,
    };
  }
}
