import { describe, expect, it } from 'vitest';
import { serverLogLevel } from '../../../server/log/server-log';

describe('VIKNO_LOG_LEVEL', () => {
  it('is info when unset or empty, and each of the four levels when named', () => {
    expect(serverLogLevel({})).toBe('info');
    expect(serverLogLevel({ VIKNO_LOG_LEVEL: '' })).toBe('info');
    for (const level of ['error', 'warn', 'info', 'debug'] as const) expect(serverLogLevel({ VIKNO_LOG_LEVEL: level })).toBe(level);
  });

  it('refuses anything else, naming the choices', () => {
    expect(() => serverLogLevel({ VIKNO_LOG_LEVEL: 'verbose' })).toThrow(
      'VIKNO_LOG_LEVEL must be one of error, warn, info, debug, got "verbose"',
    );
  });
});
