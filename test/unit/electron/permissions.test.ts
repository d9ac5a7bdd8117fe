import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, permissionCheckDecision, permissionRequestDecision } from '../../../main/electron/permissions';

describe('permissions', () => {
  it('grants nothing today', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    expect(Object.isFrozen(ALLOWED_PERMISSIONS)).toBe(true);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'usb', 'hid']) {
      expect(permissionRequestDecision(permission, 'app://vikno/index.html')).toBe(false);
      expect(permissionCheckDecision(permission, 'app://vikno')).toBe(false);
    }
  });

  it('grants a listed permission only to the app origin', () => {
    const allow = ['notifications'];
    expect(permissionRequestDecision('notifications', 'app://vikno/index.html', allow)).toBe(true);
    expect(permissionCheckDecision('notifications', 'app://vikno', allow)).toBe(true);
    for (const origin of ['https://evil.example', 'app://vikno.evil', 'app://evil', 'file:///', 'null', '', undefined]) {
      expect(permissionRequestDecision('notifications', origin, allow)).toBe(false);
      expect(permissionCheckDecision('notifications', origin, allow)).toBe(false);
    }
  });

  it('does not grant an unlisted permission to the app origin either', () => {
    expect(permissionRequestDecision('media', 'app://vikno/index.html', ['notifications'])).toBe(false);
    expect(permissionCheckDecision('media', 'app://vikno', ['notifications'])).toBe(false);
  });
});
