import type { Dictionary } from '../common/i18n';

export const uk = {
  title: 'Електронна черга',
  number: 'Номер',
  window: 'Вікно',
  waiting: 'Очікуйте виклику',
  newest: 'Запрошується',
  reconnecting: 'Оновлення…',
  soundOn: 'Увімкнути звук',
  noCenter: 'Адреса сторінки не містить коду центру (наприклад, /board/KV01).',
  callAnnouncement: 'Номер {number} — вікно {window}',
} as const;

export type BoardKey = keyof typeof uk;

export const en: Dictionary<BoardKey> = {
  title: 'Electronic queue',
  number: 'Number',
  window: 'Window',
  waiting: 'Please wait to be called',
  newest: 'Now calling',
  reconnecting: 'Reconnecting…',
  soundOn: 'Turn the sound on',
  noCenter: 'The page address names no center (for example /board/KV01).',
  callAnnouncement: 'Number {number} — window {window}',
};
