// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import '../dom-setup';
import { SearchCombobox } from '../../../../renderer/src/components/SearchCombobox';
import type { ComboOption } from '../../../../renderer/src/components/SearchCombobox';

/** The search the combobox is given, answering only when the test says: which queries it was asked, in order. */
function scriptedSearch() {
  const asked: string[] = [];
  const answers: Array<(options: ComboOption[]) => void> = [];
  const search = (q: string) => {
    asked.push(q);
    return new Promise<ComboOption[]>((resolve) => answers.push(resolve));
  };
  const answer = async (index: number, labels: string[]) =>
    act(async () => answers[index]?.(labels.map((label) => ({ id: label, label }))));
  return { asked, search, answer };
}

function renderCombobox(search: (q: string) => Promise<ComboOption[]>, onPick: (option: ComboOption) => void = () => undefined) {
  render(<SearchCombobox inputId="who" label="Пошук заявника" search={search} onPick={onPick} noResults="Нікого" searching="Пошук…" />);
  return screen.getByRole('combobox', { name: 'Пошук заявника' });
}

describe('the search combobox', () => {
  it('searches on the first letter at once, with no debounce', async () => {
    const user = userEvent.setup();
    const { asked, search, answer } = scriptedSearch();
    await user.type(renderCombobox(search), 'Ш');
    expect(asked).toEqual(['Ш']);
    expect(screen.getByRole('status').textContent).toBe('Пошук…');
    await answer(0, ['Шевченко Тарас']);
    expect(screen.getByRole('option', { name: 'Шевченко Тарас' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('keeps one search at a time: letters typed meanwhile wait, then only the latest query goes, and a stale answer is never shown', async () => {
    const user = userEvent.setup();
    const { asked, search, answer } = scriptedSearch();
    const input = renderCombobox(search);
    await user.type(input, 'Шев');
    expect(asked).toEqual(['Ш']);
    await answer(0, ['Шаповал Ірина']);
    expect(asked).toEqual(['Ш', 'Шев']);
    expect(screen.queryByRole('option', { name: 'Шаповал Ірина' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Пошук…');
    await answer(1, ['Шевченко Тарас']);
    expect(screen.getByRole('option', { name: 'Шевченко Тарас' })).toBeTruthy();
    expect(asked).toEqual(['Ш', 'Шев']);
  });

  it('Enter pressed while the latest letters are still being searched is taken when their answer comes, not dropped', async () => {
    const user = userEvent.setup();
    const { asked, search, answer } = scriptedSearch();
    const picked: string[] = [];
    const input = renderCombobox(search, (option) => picked.push(option.label));
    await user.type(input, 'Ш');
    await answer(0, ['Шаповал Ірина', 'Шевченко Тарас']);
    await user.type(input, 'е');
    expect(asked).toEqual(['Ш', 'Ше']);
    // The earlier answer still shows: the clerk walks to the second line of it and presses Enter.
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(picked).toEqual([]);
    await answer(1, ['Шевченко Тарас', 'Шевчук Олег']);
    expect(picked).toEqual(['Шевченко Тарас']);
  });

  it('an Enter followed by more letters waits for nothing: the new letters are a new question', async () => {
    const user = userEvent.setup();
    const { search, answer } = scriptedSearch();
    const picked: string[] = [];
    const input = renderCombobox(search, (option) => picked.push(option.label));
    await user.type(input, 'Ш');
    await user.keyboard('{Enter}');
    await user.type(input, 'е');
    await answer(0, ['Шаповал Ірина']);
    await answer(1, ['Шевченко Тарас']);
    expect(picked).toEqual([]);
    expect(screen.getByRole('option', { name: 'Шевченко Тарас' })).toBeTruthy();
  });

  it('cleared while a search runs: its answer is dropped and nothing more is asked', async () => {
    const user = userEvent.setup();
    const { asked, search, answer } = scriptedSearch();
    const input = renderCombobox(search);
    await user.type(input, 'Ш');
    await user.clear(input);
    await answer(0, ['Шевченко Тарас']);
    expect(asked).toEqual(['Ш']);
    expect(screen.queryByRole('option')).toBeNull();
  });
});
