/**
 * Latin capitals that look like Cyrillic ones: typed on the wrong keyboard layout or pasted from a
 * scan's text layer, they read the same to the clerk, so they are mapped rather than refused. One
 * table for document series, searches by number and names (Y is У as on Ukrainian documents).
 */
export const LATIN_CAPITAL_LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** A text in upper case with every Latin look-alike capital made Cyrillic. */
export function cyrillicCapitals(upper: string): string {
  return Array.from(upper, (ch) => LATIN_CAPITAL_LOOK_ALIKES[ch] ?? ch).join('');
}
