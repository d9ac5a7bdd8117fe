// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from '../../../../renderer/src/kit/Button';
import { Dialog } from '../../../../renderer/src/kit/Dialog';
import '../dom-setup';

/** A page with a button that opens a dialog holding two fields and a close button. */
function Page({ closes }: { closes: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Before</button>
      <Button onClick={() => setOpen(true)}>Налаштування</Button>
      <Dialog
        open={open}
        title="Налаштування робочого місця"
        onClose={() => {
          closes.push('closed');
          setOpen(false);
        }}
      >
        <label>
          Ім’я
          <input />
        </label>
        <label>
          Код
          <input />
        </label>
        <Button onClick={() => setOpen(false)}>Закрити</Button>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('is named by its title and takes focus on opening', async () => {
    const user = userEvent.setup();
    render(<Page closes={[]} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    const dialog = screen.getByRole('dialog', { name: 'Налаштування робочого місця' });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('keeps Tab and Shift+Tab inside', async () => {
    const user = userEvent.setup();
    render(<Page closes={[]} />);
    await user.click(screen.getByRole('button', { name: 'Налаштування' }));
    const dialog = screen.getByRole('dialog');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Ім’я'));
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Закрити' }));
    // Past the last control: back to the first, never out to the page behind.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Ім’я'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Закрити' }));
    for (let i = 0; i < 7; i += 1) {
      await user.tab({ shift: i % 2 === 0 });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('closes on Esc and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const closes: string[] = [];
    render(<Page closes={closes} />);
    const opener = screen.getByRole('button', { name: 'Налаштування' });
    await user.click(opener);
    await user.type(screen.getByLabelText('Код'), 'X');
    await user.keyboard('{Escape}');
    expect(closes).toEqual(['closed']);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back also when the caller closes it', async () => {
    const user = userEvent.setup();
    render(<Page closes={[]} />);
    const opener = screen.getByRole('button', { name: 'Налаштування' });
    await user.click(opener);
    await act(() => user.click(screen.getByRole('button', { name: 'Закрити' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
