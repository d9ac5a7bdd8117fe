/**
 * Every validation code with its text, Ukrainian first (the working language of the center),
 * English for logs and support. The codes are what travels (in results and in zod issue
 * messages); a screen looks the text up here, so wording changes never touch the checks.
 */
export interface Bilingual {
  uk: string;
  en: string;
}

/** Codes that block saving. */
export const VALIDATION_ERRORS = {
  'rnokpp.not_digits': {
    uk: 'РНОКПП має містити лише цифри',
    en: 'The РНОКПП (tax number) must contain digits only',
  },
  'rnokpp.length': {
    uk: 'РНОКПП має складатися з 10 цифр',
    en: 'The РНОКПП (tax number) must have 10 digits',
  },
  'rnokpp.checksum': {
    uk: 'РНОКПП недійсний: не збігається контрольна цифра. Перевірте, чи правильно введено номер',
    en: 'The РНОКПП (tax number) is not valid: its check digit does not match. Check it for typos',
  },
  'edrpou.not_digits': {
    uk: 'Код ЄДРПОУ має містити лише цифри',
    en: 'The ЄДРПОУ code must contain digits only',
  },
  'edrpou.length': {
    uk: 'Код ЄДРПОУ має складатися з 8 цифр',
    en: 'The ЄДРПОУ code must have 8 digits',
  },
  'edrpou.checksum': {
    uk: 'Код ЄДРПОУ недійсний: не збігається контрольна цифра. Перевірте, чи правильно введено код',
    en: 'The ЄДРПОУ code is not valid: its check digit does not match. Check it for typos',
  },
  'id_card.not_digits': {
    uk: 'Номер ID-картки має містити лише цифри',
    en: 'The ID card number must contain digits only',
  },
  'id_card.length': {
    uk: 'Номер ID-картки має складатися з 9 цифр',
    en: 'The ID card number must have 9 digits',
  },
  'passport_booklet.format': {
    uk: 'Серія та номер паспорта: дві літери і шість цифр, наприклад АК123456',
    en: 'A passport booklet needs a two-letter series and six digits, e.g. АК123456',
  },
  'passport_booklet.series': {
    uk: 'Серія паспорта складається з літер українського алфавіту (Ы, Ъ, Э, Ё не вживаються)',
    en: 'The passport series must be Ukrainian Cyrillic letters (Ы, Ъ, Э, Ё are not used)',
  },
  'unzr.format': {
    uk: 'УНЗР має формат РРРРММДД-ХХХХХ: вісім цифр, дефіс і п’ять цифр',
    en: 'The УНЗР must look like YYYYMMDD-NNNNN: eight digits, a dash and five digits',
  },
  'unzr.date': {
    uk: 'Перші вісім цифр УНЗР мають бути датою народження (РРРРММДД)',
    en: 'The first eight digits of the УНЗР must be a real date of birth (YYYYMMDD)',
  },
  'phone.format': {
    uk: 'Вкажіть український номер телефону у форматі +380XXXXXXXXX або 0XXXXXXXXX',
    en: 'Enter a Ukrainian phone number as +380XXXXXXXXX or 0XXXXXXXXX',
  },
  'phone.length': {
    uk: 'Номер телефону має містити дев’ять цифр після коду +380',
    en: 'The phone number must have nine digits after +380',
  },
  'email.format': {
    uk: 'Перевірте адресу електронної пошти, наприклад name@example.ua',
    en: 'Check the e-mail address, e.g. name@example.ua',
  },
  'email.length': {
    uk: 'Адреса електронної пошти задовга: понад 254 символи',
    en: 'The e-mail address is too long: over 254 characters',
  },
  'birth_date.format': {
    uk: 'Вкажіть дату народження у форматі ДД.ММ.РРРР',
    en: 'Enter the date of birth as DD.MM.YYYY',
  },
  'birth_date.impossible': {
    uk: 'Такої дати народження не існує',
    en: 'That date of birth does not exist in the calendar',
  },
  'birth_date.future': {
    uk: 'Дата народження не може бути пізнішою за сьогоднішню',
    en: 'The date of birth cannot be in the future',
  },
  'birth_date.too_old': {
    uk: 'Неправдоподібна дата народження: вік понад 120 років',
    en: 'Implausible date of birth: the age would be over 120',
  },
  'issue_date.format': {
    uk: 'Вкажіть дату видачі у форматі ДД.ММ.РРРР',
    en: 'Enter the date of issue as DD.MM.YYYY',
  },
  'issue_date.impossible': {
    uk: 'Такої дати видачі не існує',
    en: 'That date of issue does not exist in the calendar',
  },
  'issue_date.future': {
    uk: 'Дата видачі не може бути пізнішою за сьогоднішню',
    en: 'The date of issue cannot be in the future',
  },
  'issue_date.before_birth': {
    uk: 'Дата видачі документа не може бути ранішою за дату народження',
    en: 'The date of issue cannot be before the date of birth',
  },
  'id_doc.number_format': {
    uk: 'Номер не відповідає формату документа цього типу. Звірте номер або оберіть інший тип документа',
    en: 'The number does not match the format of this document type. Check it or choose another type',
  },
  'id_doc.issuer_code': {
    uk: 'Орган, що видав ID-картку, вказується чотирицифровим кодом, наприклад 8032',
    en: 'An ID card names its issuing authority by a four-digit code, e.g. 8032',
  },
  'id_doc.expiry_required': {
    uk: 'Вкажіть, до якої дати дійсний документ (поле «Дійсний до»)',
    en: 'Enter the date the document is valid until',
  },
  'valid_until.format': {
    uk: 'Вкажіть дату «Дійсний до» у форматі ДД.ММ.РРРР',
    en: 'Enter the valid-until date as DD.MM.YYYY',
  },
  'valid_until.impossible': {
    uk: 'Такої дати «Дійсний до» не існує',
    en: 'That valid-until date does not exist in the calendar',
  },
  'id_doc.expiry_before_issue': {
    uk: 'Дата «Дійсний до» не може бути ранішою за дату видачі',
    en: 'The valid-until date cannot be before the date of issue',
  },
  'id_doc.expired': {
    uk: 'Строк дії документа минув: прийняти його не можна. Попросіть інший чинний документ',
    en: 'The document has expired and cannot be accepted. Ask for another valid document',
  },
  'rnokpp.reason_required': {
    uk: 'Вкажіть РНОКПП або причину, з якої його немає',
    en: 'Enter the РНОКПП or the reason the person has none',
  },
} satisfies Record<string, Bilingual>;

/** Codes that only ask the clerk to look again: the value is kept. */
export const VALIDATION_WARNINGS = {
  'unzr.checksum': {
    uk: 'Контрольна цифра УНЗР не збігається. Звірте номер із документом',
    en: 'The УНЗР check digit does not match. Compare the number with the document',
  },
  'birth_date.under_14': {
    uk: 'Особі ще не виповнилося 14 років: перевірте, чи звертається її законний представник',
    en: 'The person is under 14: check that a legal representative is applying',
  },
  'id_doc.number_unusual': {
    uk: 'Незвичний формат номера для документа цього типу. Звірте номер із документом',
    en: 'An unusual number for this document type. Compare it with the document',
  },
  'cross.rnokpp_birth_date': {
    uk: 'Дата народження, закладена в РНОКПП, не збігається з введеною',
    en: 'The date of birth encoded in the РНОКПП differs from the one entered',
  },
  'cross.rnokpp_sex': {
    uk: 'Стать, закладена в РНОКПП, не збігається з вказаною',
    en: 'The sex encoded in the РНОКПП differs from the one entered',
  },
  'cross.unzr_birth_date': {
    uk: 'Дата народження в УНЗР не збігається з введеною',
    en: 'The date of birth in the УНЗР differs from the one entered',
  },
  'cross.rnokpp_unzr_birth_date': {
    uk: 'Дати народження в РНОКПП і в УНЗР не збігаються',
    en: 'The dates of birth in the РНОКПП and in the УНЗР differ',
  },
} satisfies Record<string, Bilingual>;

export type ValidationErrorCode = keyof typeof VALIDATION_ERRORS;
export type ValidationWarningCode = keyof typeof VALIDATION_WARNINGS;
export type ValidationCode = ValidationErrorCode | ValidationWarningCode;

/** Every code's text, for a screen that shows whichever code a check gave. */
export const VALIDATION_MESSAGES: Readonly<Record<ValidationCode, Bilingual>> = { ...VALIDATION_ERRORS, ...VALIDATION_WARNINGS };
