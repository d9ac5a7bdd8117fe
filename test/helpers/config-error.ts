import { ConfigError } from '../../main/backend/config/desk-config';

/** The ConfigError `load` throws; any other outcome fails the test. */
export function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
