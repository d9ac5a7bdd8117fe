import { describe, expect, it } from 'vitest';
import { validatePassportBooklet } from '../../../shared/validate';

describe('validatePassportBooklet', () => {
  it.each([
    ['АК123456', 'АК123456'],
    ['ГҐ000001', 'ГҐ000001'],
    ['ЄЇ654321', 'ЄЇ654321'],
    ['ак123456', 'АК123456'],
    ['АК 123456', 'АК123456'],
    ['АК-123456', 'АК123456'],
    ['АК № 123456', 'АК123456'],
    ['  ЮЯ\u00A0123456 ', 'ЮЯ123456'],
  ])('accepts "%s" as %s', (input, value) => {
    expect(validatePassportBooklet(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['ak 123456', 'АК123456'],
    ['AK123456', 'АК123456'],
    ['AК123456', 'АК123456'],
    ['Ko123456', 'КО123456'],
    ['ip123456', 'ІР123456'],
    ['BC123456', 'ВС123456'],
    ['EH123456', 'ЕН123456'],
    ['MT123456', 'МТ123456'],
    ['XX123456', 'ХХ123456'],
    ['YK123456', 'УК123456'],
  ])('maps the Latin look-alikes in "%s" to %s', (input, value) => {
    const result = validatePassportBooklet(input);
    expect(result).toEqual({ ok: true, value });
    // Every letter of the value is Cyrillic, not merely looking so.
    expect(result.ok && /^[\u0400-\u04FF]{2}\d{6}$/u.test(result.value)).toBe(true);
  });

  it.each(['ЫЪ123456', 'ЭЮ123456', 'ЁА123456', 'АЫ123456', 'ZZ123456', 'AD123456', 'ΑΚ123456'])('rejects the series of %s', (v) => {
    expect(validatePassportBooklet(v)).toEqual({ ok: false, code: 'passport_booklet.series' });
  });

  it.each(['', 'АК12345', 'АК1234567', 'А1234567', 'АКМ123456', '123456АК', 'АК12345Б', '12345678'])('rejects the shape of "%s"', (v) => {
    expect(validatePassportBooklet(v)).toEqual({ ok: false, code: 'passport_booklet.format' });
  });
});
