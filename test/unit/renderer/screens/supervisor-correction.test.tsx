// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../../shared/domain/application';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { StatusHistoryList } from '../../../../renderer/src/features/applications/StatusHistoryList';
import { SupervisorCorrection } from '../../../../renderer/src/features/applications/SupervisorCorrection';

let app: Application;
let supervisorName: string;

beforeAll(async () => {
  const clerk = await must(deskApi.call('clerk.me', {}));
  supervisorName = clerk.fullName;
  act(() => useShellStore.setState({ clerk }));
  const [service] = await must(deskApi.call('catalog.search', { q: 'MS-01' }));
  app = await must(
    deskApi.call('intake.register', {
      serviceId: service!.id,
      applicant: { kind: 'person', surname: 'Литвин', givenName: 'Орест', birthDate: '1969-09-09', rnokpp: '1759013776' },
      items: service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
    }),
  );
});

describe('a supervisor’s correction on the card', { timeout: 30_000 }, () => {
  it('needs a reason of 5 characters or more, then corrects and the history says who and why', async () => {
    const user = userEvent.setup();
    const changed: Application[] = [];
    render(<SupervisorCorrection application={app} onChanged={(updated) => changed.push(updated)} />);
    await user.click(screen.getByRole('button', { name: 'Виправлення керівника' }));
    await user.type(screen.getByRole('textbox', { name: 'Примітки' }), 'Телефон заявника: 067 000 00 00');
    await user.type(screen.getByRole('textbox', { name: /Причина виправлення/ }), 'так');
    await user.click(screen.getByRole('button', { name: 'Виправити' }));
    expect(screen.getByText('Вкажіть причину: від 5 до 500 символів')).toBeTruthy();
    expect(changed).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: /Причина виправлення/ }), ', телефон записано не туди');
    await user.click(screen.getByRole('button', { name: 'Виправити' }));
    expect(await screen.findByText('Виправлено; причину записано в історію.')).toBeTruthy();
    expect(changed[0]?.notes).toBe('Телефон заявника: 067 000 00 00');

    render(<StatusHistoryList history={changed[0]!.history} />);
    const step = screen.getByText(/Виправлено: так, телефон записано не туди/).closest('li');
    expect(step?.textContent).toContain(supervisorName);
  });

  it('is not offered to a clerk without the supervisor’s role', () => {
    act(() => useShellStore.setState({ clerk: { id: 'c2', fullName: 'Клерк', roles: ['clerk'] } }));
    render(<SupervisorCorrection application={app} onChanged={() => undefined} />);
    expect(screen.queryByRole('button', { name: 'Виправлення керівника' })).toBeNull();
  });
});
