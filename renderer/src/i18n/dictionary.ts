import type { uk } from './uk';

export type MessageKey = keyof typeof uk;

/** What every language must provide: exactly the Ukrainian keys. */
export type Dictionary = { readonly [K in MessageKey]: string };

/** `'Версія {version}'` → `'version'`; read from the Ukrainian text, which defines the key. */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;

export type Placeholders<K extends MessageKey> = PlaceholdersIn<(typeof uk)[K]>;

export type MessageValues = Readonly<Record<string, string | number>>;

/** A key with placeholders must be given their values; a key without takes none. */
export type MessageArgs<K extends MessageKey> = [Placeholders<K>] extends [never]
  ? []
  : [values: Readonly<Record<Placeholders<K>, string | number>>];

export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

/** Keys that take no values: the only kind a screen table or a prop may hold, since no values travel with it. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<K>] extends [never] ? K : never }[MessageKey];
