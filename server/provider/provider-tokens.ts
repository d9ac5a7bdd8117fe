import { HttpError } from '../http/http-error';
import type { WithHeaders } from '../http/sync-headers';
import { newDeviceToken, sha256Hex } from '../auth/secrets';
import type { Storage } from '../storage/storage';

/**
 * A provider's staff authenticate with a token an admin issues for their body's ЄДРПОУ; it sees
 * and moves only the cases of that provider's services. Stored only as SHA-256, as device tokens
 * are, in `settings` (key `provider_token:<hash>`, value the ЄДРПОУ): one row per token needs no
 * table of its own.
 */
const KEY = 'provider_token:';

export async function createProviderToken(storage: Storage, edrpou: string): Promise<string> {
  const token = newDeviceToken();
  await storage.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [`${KEY}${sha256Hex(token)}`, edrpou]);
  return token;
}

/** The ЄДРПОУ a bearer provider token was issued for; 401 without a known one. */
export async function requireProvider(req: WithHeaders, storage: Storage): Promise<{ edrpou: string }> {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const [row] = match?.[1]
    ? await storage.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [`${KEY}${sha256Hex(match[1])}`])
    : [];
  if (!row)
    throw new HttpError(401, 'provider_token_invalid', 'The provider token is missing or unknown', { 'www-authenticate': 'Bearer' });
  return { edrpou: row.value };
}
