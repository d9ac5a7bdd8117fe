import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttentionItem } from '../../../renderer/src/features/sync/AttentionItem';
import type { DeadLetter } from '../../../renderer/src/features/sync/AttentionItem';
import { SyncBadge } from '../../../renderer/src/features/sync/SyncBadge';

const base: DeadLetter = {
  mutationId: '0190d3a4-0000-7000-8000-000000000001',
  aggregate: 'application:a1',
  kind: 'application.update',
  status: 'dead',
  reason: JSON.stringify({ code: 'invalid_input', message: 'notes too long', fieldErrors: [{ path: ['notes'], message: 'too long' }] }),
  payload: { notes: 'x' },
  createdAt: '2026-03-02T10:15:00Z',
};

function render(letter: DeadLetter): string {
  const html = renderToStaticMarkup(
    createElement(AttentionItem, { letter, busy: false, onRetry: () => undefined, onDiscard: () => Promise.resolve(true) }),
  );
  // Text only, so assertions read as the supervisor does.
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

describe('AttentionItem', () => {
  it('shows a refused change readably, with both supervisor actions', () => {
    const text = render(base);
    expect(text).toContain('Виправлення звернення — Відхилено бек-офісом');
    expect(text).toContain('Причина: invalid_input — notes too long');
    expect(text).toContain('Поля з помилками: notes');
    expect(text).toContain('Запис: application:a1');
    expect(text).toContain('Повторити');
    expect(text).toContain('Відкинути');
    expect(text).not.toContain('{"code"');
  });

  it('shows a conflict by its fields, and a raw kind when it has no name', () => {
    const text = render({
      ...base,
      kind: 'calendar.put',
      status: 'conflict',
      reason: JSON.stringify({ fields: ['notes', 'resultDelivery'], server: {}, version: 4 }),
    });
    expect(text).toContain('calendar.put — Конфлікт');
    expect(text).toContain('Змінені в обох місцях поля: notes, resultDelivery');
  });

  it('describes each action button by its change', () => {
    const html = renderToStaticMarkup(
      createElement(AttentionItem, { letter: base, busy: false, onRetry: () => undefined, onDiscard: () => Promise.resolve(true) }),
    );
    expect(html).toContain(`id="sync-item-${base.mutationId}"`);
    expect(html.match(new RegExp(`aria-describedby="sync-item-${base.mutationId}"`, 'g'))).toHaveLength(2);
  });
});

describe('SyncBadge', () => {
  it('says the state in words, the mark is decoration', () => {
    expect(renderToStaticMarkup(createElement(SyncBadge, { sync: 'local' }))).toBe(
      '<span class="sync-badge sync-badge-local"><span class="sync-badge-mark" aria-hidden="true"></span>Збережено локально</span>',
    );
    expect(renderToStaticMarkup(createElement(SyncBadge, { sync: 'synced' }))).toContain('Синхронізовано');
    expect(renderToStaticMarkup(createElement(SyncBadge, { sync: 'attention' }))).toContain('Потребує уваги');
  });
});
