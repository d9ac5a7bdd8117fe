import { describe, expect, it } from 'vitest';
import { screenForShortcut } from '../../../renderer/src/app/screen-shortcut';
import type { ScreenEntry } from '../../../renderer/src/app/screen-list';

const screens: readonly ScreenEntry[] = [
  { id: 'queue', label: 'screen.queue', digit: 1 },
  { id: 'intake', label: 'screen.intake', digit: 2 },
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
