import { describe, expect, it } from 'vitest';
import { screenForShortcut } from '../../../renderer/src/app/screen-shortcut';
import type { ScreenEntry } from '../../../renderer/src/app/screen-list';
import { screensFor } from '../../../renderer/src/app/screen-list';
import { isLockShortcut } from '../../../renderer/src/features/auth/lock-shortcut';

const screens: readonly ScreenEntry[] = [
  { id: 'queue', label: 'screen.queue', digit: 1, role: 'clerk' },
  { id: 'intake', label: 'screen.intake', digit: 2, role: 'clerk' },
];

function key(code: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) {
  return { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, code, ...modifiers };
}

describe('screenForShortcut', () => {
  it('maps Alt+digit on the top row and the keypad to the screen with that digit', () => {
    expect(screenForShortcut(key('Digit2', { altKey: true }), screens)?.id).toBe('intake');
    expect(screenForShortcut(key('Numpad1', { altKey: true }), screens)?.id).toBe('queue');
  });

  it('ignores digits without Alt, with extra modifiers (AltGr is Ctrl+Alt), or without a screen', () => {
    expect(screenForShortcut(key('Digit1'), screens)).toBeUndefined();
    expect(screenForShortcut(key('Digit1', { altKey: true, ctrlKey: true }), screens)).toBeUndefined();
    expect(screenForShortcut(key('Digit1', { altKey: true, shiftKey: true }), screens)).toBeUndefined();
    expect(screenForShortcut(key('Digit9', { altKey: true }), screens)).toBeUndefined();
    expect(screenForShortcut(key('KeyA', { altKey: true }), screens)).toBeUndefined();
  });
});

describe('the screens a session opens', () => {
  it('hold the role each screen needs: Review for a supervisor, the rest for a clerk, none for an admin only', () => {
    expect(screensFor(['clerk']).map((screen) => screen.id)).toEqual(['queue', 'intake', 'documents', 'applications']);
    expect(screensFor(['supervisor']).map((screen) => screen.id)).toEqual(['review']);
    expect(screensFor(['clerk', 'supervisor']).map((screen) => screen.digit)).toEqual([1, 2, 3, 4, 5]);
    expect(screensFor(['admin'])).toEqual([]);
  });
});

describe('isLockShortcut', () => {
  it('is Ctrl+L by physical key, so Ctrl+Д on the Ukrainian layout locks as well', () => {
    expect(isLockShortcut(key('KeyL', { ctrlKey: true }))).toBe(true);
  });

  it('is not L alone, nor with AltGr (Ctrl+Alt), Shift or Meta', () => {
    expect(isLockShortcut(key('KeyL'))).toBe(false);
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, metaKey: true }))).toBe(false);
    expect(isLockShortcut(key('KeyK', { ctrlKey: true }))).toBe(false);
  });
});
