import { waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Clicks a "new applicant" or "new person" button and waits until the form has put focus into its
 * first empty box, as a clerk sees it before typing on. The form moves focus on the next animation
 * frame: typing before that lands sends the rest of the keystrokes into that box (a loaded CI
 * machine once put the applicant's РНОКПП digits into the patronymic and left the РНОКПП empty).
 */
export async function openNewPerson(user: UserEvent, button: HTMLElement): Promise<void> {
  await user.click(button);
  await waitFor(() => {
    if (!(document.activeElement instanceof HTMLInputElement)) throw new Error('the new person form has not taken focus yet');
  });
}
