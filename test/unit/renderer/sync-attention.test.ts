import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttentionItem } from '../../../renderer/src/features/sync/AttentionItem';
import type { DeadLetter } from '../../../renderer/src/features/sync/AttentionItem';
import { SyncBadge } from '../../../renderer/src/features/sync/SyncBadge';
import { formatDateTime } from '../../../renderer/src/lib/format';

const APP_ID = '0190d3a4-1111-7000-8000-00000000000a';

const base: DeadLetter = {
  mutationId: '0190d3a4-0000-7000-8000-000000000001',
  aggregate: `application:${APP_ID}`,
  kind: 'application.update',
  status: 'dead',
  reason: JSON.stringify({
    code: 'invalid_payload',
    message: 'notes too long',
    fieldErrors: [{ path: ['payload', 'notes'], message: 'too long' }],
  }),
  payload: { id: APP_ID, notes: 'x' },
  createdAt: '2026-03-02T10:15:00Z',
  record: { entity: 'application', id: APP_ID, number: 'KV01-07-20260302-0004', applicantName: 'Шевченко Марʼяна Іванівна' },
  refusal: { type: 'rejected', code: 'invalid_payload', fields: ['notes'] },
  fields: [{ field: 'notes', mine: { kind: 'text', text: 'x' }, server: null }],
  resolvable: false,
};

const conflict: DeadLetter = {
  ...base,
  kind: 'application.status',
  status: 'conflict',
  reason: JSON.stringify({ fields: ['status'], server: { status: 'in_progress' }, version: 4 }),
  payload: { id: APP_ID, from: 'registered', to: 'sent_to_provider', at: '2026-03-02T10:15:00Z' },
  refusal: { type: 'conflict', fields: ['status'] },
  fields: [
    { field: 'status', mine: { kind: 'status', status: 'sent_to_provider' }, server: { kind: 'status', status: 'in_progress' } },
    { field: 'resultDelivery', mine: { kind: 'delivery', channel: 'post' }, server: { kind: 'delivery', channel: 'in_person' } },
    { field: 'handedOverAt', mine: { kind: 'time', iso: '2026-03-02T10:15:00Z' }, server: { kind: 'none' } },
  ],
  resolvable: true,
};

function render(letter: DeadLetter): string {
  const html = renderToStaticMarkup(
    createElement(AttentionItem, {
      letter,
      busy: false,
      onRetry: () => undefined,
      onDiscard: () => Promise.resolve(true),
      onResolve: () => Promise.resolve(true),
    }),
  );
  // Text only, so assertions read as the supervisor does.
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}

/** What the panel showed before issue 15 and must never show again. */
function expectNoMachineText(text: string): void {
  expect(text).not.toContain('application:');
  expect(text).not.toContain(APP_ID);
  expect(text).not.toMatch(/[{}[\]]|"\w+":/);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  for (const name of ['status', 'notes', 'resultDelivery', 'sent_to_provider', 'in_progress', 'handedOverAt'])
    expect(text).not.toContain(name);
}

describe('AttentionItem', () => {
  it('names the record by number and applicant and words the refusal, with retry and discard', () => {
    const text = render(base);
    expect(text).toContain('Виправлення звернення — Відхилено бек-офісом');
    expect(text).toContain('Звернення № KV01-07-20260302-0004, Шевченко Марʼяна Іванівна');
    expect(text).toContain('Бек-офіс вважає дані зміни неправильними');
    expect(text).toContain('Поля з помилками: Примітки');
    expect(text).toContain('Повторити');
    expect(text).toContain('Відкинути');
    expect(text).not.toContain('Взяти версію бек-офісу');
    expectNoMachineText(text);
  });

  it('shows a conflict’s two versions side by side with labels and local times, and offers the back office’s version', () => {
    const text = render(conflict);
    expect(text).toContain('Змінені в обох місцях поля: Стан');
    expect(text).toContain('Поле На цьому робочому місці У бек-офісі');
    expect(text).toContain('Стан передано суб’єкту на розгляді');
    expect(text).toContain('Спосіб отримання результату поштою особисто в ЦНАП');
    // A field without a label of its own is "other data", its moment in local time.
    expect(text).toContain(`Інші дані ${formatDateTime('2026-03-02T10:15:00Z')} —`);
    expect(text).toContain('Взяти версію бек-офісу');
    expectNoMachineText(text);
  });

  it('keeps an unknown refusal’s code for IT, and nothing else of the machine', () => {
    const text = render({ ...base, refusal: { type: 'rejected', code: 'quota_exceeded', fields: [] } });
    expect(text).toContain('Бек-офіс не прийняв зміну (код для ІТ: quota_exceeded)');
  });

  it('describes each action button by its change', () => {
    const html = renderToStaticMarkup(
      createElement(AttentionItem, {
        letter: conflict,
        busy: false,
        onRetry: () => undefined,
        onDiscard: () => Promise.resolve(true),
        onResolve: () => Promise.resolve(true),
      }),
    );
    expect(html).toContain(`id="sync-item-${base.mutationId}"`);
    expect(html.match(new RegExp(`aria-describedby="sync-item-${base.mutationId}"`, 'g'))).toHaveLength(3);
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
