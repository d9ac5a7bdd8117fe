/**
 * Finds values that look like secrets in a parsed YAML or JSON tree (electron-builder.yml, the
 * release workflow): the repository may name where a secret comes from, never hold one.
 */

/** Every [path, value] of strings in the tree, keys included (their paths end in `(key)`). */
export function* stringsIn(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [`${path}.${key}(key)`, key];
      yield* stringsIn(item, `${path}.${key}`);
    }
  }
}

/** Long base64 or hex: the shape of keys, tokens and encoded certificates. */
export function looksEncoded(text: string): boolean {
  return /^[A-Za-z0-9+/]{40,}={0,2}$/.test(text) || /^[0-9a-fA-F]{32,}$/.test(text);
}

/** A setting whose name says it holds a password, key, token or certificate. */
export const SECRET_NAME = /password|secret|token|credential|csc_?link|cscinstallerlink|api_?key|private_?key|client_?id|tenant_?id/i;

/**
 * Secret-named settings whose value is not a reference to somewhere else (`${env.X}` for
 * electron-builder, `${{ secrets.X }}` for GitHub Actions), and long encoded strings anywhere.
 */
export function secretLookingValues(tree: unknown, reference: RegExp): string[] {
  const found: string[] = [];
  for (const [path, text] of stringsIn(tree)) {
    if (looksEncoded(text)) found.push(`${path}: a long encoded string`);
    if (path.endsWith('(key)')) continue;
    const key =
      path
        .replace(/\[\d+\]$/, '')
        .split('.')
        .at(-1) ?? '';
    if (SECRET_NAME.test(key) && !reference.test(text)) found.push(`${path}: a literal value for a secret-named setting`);
  }
  return found;
}
