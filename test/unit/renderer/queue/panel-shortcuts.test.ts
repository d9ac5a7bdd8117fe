// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PANEL_SHORTCUTS, shortcutTargets, typingTarget } from '../../../../renderer/src/features/queue/panel-shortcuts';
import { screenForShortcut } from '../../../../renderer/src/app/screen-shortcut';
import { SCREENS } from '../../../../renderer/src/app/screen-list';

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'repeat', boolean>> = {}) => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
});

describe('the panel’s keys', () => {
  it('each key names one action, except the break key, which pauses or resumes', () => {
    const byCode = new Map<string, string[]>();
    for (const [target, { code }] of Object.entries(PANEL_SHORTCUTS)) byCode.set(code, [...(byCode.get(code) ?? []), target]);
    for (const [code, targets] of byCode) {
      if (code === 'KeyB') expect(targets.sort()).toEqual(['pause', 'resume']);
      else expect(targets).toHaveLength(1);
    }
  });

  it('a plain press of the physical key asks for its action, whatever the layout types there', () => {
    expect(shortcutTargets(key('KeyN'))).toEqual(['call_next']);
    expect(shortcutTargets(key('KeyB')).sort()).toEqual(['pause', 'resume']);
    expect(shortcutTargets(key('KeyQ'))).toEqual([]);
  });

  it('never acts with a modifier (the shell’s Alt+digit, the browser’s Ctrl keys) or on a held key', () => {
    const mods = fc.record({
      altKey: fc.boolean(),
      ctrlKey: fc.boolean(),
      metaKey: fc.boolean(),
      shiftKey: fc.boolean(),
      repeat: fc.boolean(),
    });
    const codes = Object.values(PANEL_SHORTCUTS).map((s) => s.code);
    fc.assert(
      fc.property(fc.constantFrom(...codes), mods, (code, m) => {
        const any = m.altKey || m.ctrlKey || m.metaKey || m.shiftKey || m.repeat;
        expect(shortcutTargets(key(code, m)).length > 0).toBe(!any);
      }),
    );
  });

  it('no panel key is one of the shell’s screen keys', () => {
    for (const { code } of Object.values(PANEL_SHORTCUTS)) {
      expect(screenForShortcut(key(code, { altKey: true }), SCREENS)).toBeUndefined();
    }
  });

  it('keys typed in a field or inside an open dialog are not the panel’s', () => {
    document.body.innerHTML = `<input id="i"><textarea id="t"></textarea><select id="s"></select><button id="b">x</button>
      <dialog open><button id="d">y</button></dialog>`;
    const el = (id: string) => document.getElementById(id);
    expect(typingTarget(el('i'))).toBe(true);
    expect(typingTarget(el('t'))).toBe(true);
    expect(typingTarget(el('s'))).toBe(true);
    expect(typingTarget(el('d'))).toBe(true);
    expect(typingTarget(el('b'))).toBe(false);
    expect(typingTarget(document.body)).toBe(false);
  });
});
