// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { dataDir } from '../desk-backend';
import '../dom-setup';
import { IntakeScreen } from '../../../../renderer/src/features/intake/IntakeScreen';
import { ensureLocalClerk } from '../../../../main/backend/clerks/local-clerk';
import { DEFAULT_DESK } from '../../../../main/backend/config/desk-config';
import { openDatabase } from '../../../../main/backend/db/open';
import { addApplicant } from '../../../helpers/desk-db';

/** An applicant on file, written through a second connection to the backend's database (not the screen under test). */
function onFile(surname: string, givenName: string, rnokpp: string): void {
  const db = openDatabase(join(dataDir, 'vikno.db'));
  try {
    const now = new Date();
    const clerk = ensureLocalClerk(db, now.toISOString());
    addApplicant(
      { db, clerkId: clerk.id, roles: clerk.roles, now: () => now, desk: DEFAULT_DESK },
      { kind: 'person', surname, givenName, rnokpp },
    );
  } finally {
    db.close();
  }
}

/** The text of each option the applicant search offers now. */
function offered(): string[] {
  const list = screen.queryByRole('listbox', { name: 'Пошук заявника', hidden: true });
  return list
    ? within(list)
        .queryAllByRole('option')
        .map((o) => o.textContent ?? '')
    : [];
}

describe('the applicant search list', () => {
  it(
    'says when a looser tier found the applicant: a similar spelling, the Latin spelling, the start of the РНОКПП',
    { timeout: 15_000 },
    async () => {
      const user = userEvent.setup();
      onFile('Ґудзь', 'Євген', '1759013776');
      render(<IntakeScreen />);
      const search = await screen.findByRole('combobox', { name: 'Пошук заявника' });
      const typed = async (query: string, note: string | null) => {
        await user.clear(search);
        await user.type(search, query);
        await waitFor(() => {
          const [only, ...rest] = offered();
          expect(rest).toEqual([]);
          expect(only).toContain('Ґудзь Євген');
          if (note) expect(only).toContain(note);
          else expect(only).not.toMatch(/схоже|латинським|за початком/);
        });
      };

      await typed('Гудзь', 'схоже написання');
      await typed('Gudz Yevhen', 'за латинським написанням');
      await typed('175901', 'за початком РНОКПП');
      await typed('Ґудзь', null);
    },
  );
});
