import type { Dictionary } from './dictionary';
import { en } from './en';
import type { Language } from './language';
import { uk } from './uk';

export const dictionaries: Readonly<Record<Language, Dictionary>> = { uk, en };
