// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseRegistrar } from '../desk-backend';
import '../dom-setup';
import { useLayoutStandIn } from '../layout-stand-in';
import { ApplicationsScreen } from '../../../../renderer/src/features/applications/ApplicationsScreen';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { openIssuingForTicket } from '../../../../renderer/src/features/queue/purpose-links';
import { ticket } from '../queue/ticket-fixture';

// The applications list is virtualised: without a stand-in for layout it would draw no rows in jsdom.
useLayoutStandIn();

const register = caseRegistrar({ kind: 'person', surname: 'Коваль', givenName: 'Олена', rnokpp: '1759013776' });

/** A `collect` ticket served at the panel leads to issuing: the application its reg number names, from the real desk backend. */
describe('issuing from a collect ticket', { timeout: 15_000 }, () => {
  it('opens the application the ticket’s reg number names, with the number in the search', async () => {
    const app = await register();
    useShellStore.setState({ screen: 'queue' });
    await openIssuingForTicket(ticket({ purpose: 'collect', status: 'serving', regNumber: app.regNumber }));
    expect(useShellStore.getState().screen).toBe('applications');
    render(<ApplicationsScreen />);
    expect(await screen.findByRole('article', { name: `Звернення № ${app.regNumber}` })).toBeTruthy();
    expect(screen.getByLabelText('Пошук за номером або заявником')).toHaveProperty('value', app.regNumber);
  });

  it('opens the search with the number typed when no application has it, and once only', async () => {
    await openIssuingForTicket(ticket({ purpose: 'collect', status: 'serving', regNumber: 'НЕМАЄ-0001' }));
    const first = render(<ApplicationsScreen />);
    expect(await screen.findByText('Звернень немає.', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByLabelText('Пошук за номером або заявником')).toHaveProperty('value', 'НЕМАЄ-0001');
    first.unmount();
    // Coming back later shows the clerk's own (empty) search, not the ticket's again.
    render(<ApplicationsScreen />);
    expect(screen.getByLabelText('Пошук за номером або заявником')).toHaveProperty('value', '');
  });
});
