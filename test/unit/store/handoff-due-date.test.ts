import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { putCalendarDay } from '../../../main/backend/calendar/calendar-days';
import { SAMPLE_CATALOG } from '../../../main/backend/catalog/sample-catalog';
import { putService } from '../../../main/backend/catalog/services';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** The sample's low-income assistance: 10 working days from the day the papers reach the provider. */
const FROM_HANDOFF = SAMPLE_CATALOG.find((s) => s.code === 'SZ-04')!;

describe('a term that runs from the hand-off', () => {
  it('has no date at registration and gets one, with the center’s calendar, when the case is handed off', () => {
    const desk = openTestDesk(tempDir());
    putService(desk.db, FROM_HANDOFF, '2026-11-27T09:00:00.000Z');
    // Friday 4 December is a day off at this center: the count steps over it.
    putCalendarDay(desk.env, { day: '2026-12-04', kind: 'day_off', name: 'Рішення ради' });
    const applicant = addApplicant(desk.env);
    const app = registerApplication(
      desk.env,
      RegisterApplication.parse({
        serviceId: FROM_HANDOFF.id,
        applicantId: applicant.id,
        items: FROM_HANDOFF.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
      }),
    );
    expect(app).toMatchObject({ dueDate: null, originalDueDate: null });

    desk.setNow('2026-12-01T09:00:00Z');
    const handedOff = changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    // Tuesday 1 December + 10 working days, Friday 4 December off: Wednesday 16 December.
    expect(handedOff).toMatchObject({ dueDate: '2026-12-16', originalDueDate: '2026-12-16' });
    const pushed = desk.db
      .prepare("SELECT payload FROM outbox WHERE kind = 'application.status' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(pushed)).toMatchObject({ to: 'sent_to_provider', dueDate: '2026-12-16' });

    // A suspension then moves the hand-off's date, which stays the original.
    changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    desk.setNow('2026-12-08T09:00:00Z');
    changeApplicationStatus(desk.env, { id: app.id, to: 'needs_info', reason: 'потрібна довідка про доходи' });
    desk.setNow('2026-12-10T09:00:00Z');
    const resumed = changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    // Tuesday 8 and Wednesday 9 December stopped: two working days later.
    expect(resumed).toMatchObject({ dueDate: '2026-12-18', originalDueDate: '2026-12-16' });
  });
});
