/**
 * The status model's papers read back as text (poppler's pdftotext, as the receipt test does):
 * the issuing acknowledgement names the receiver and the decision; the hand-off register lists
 * the day's cases per provider. Needs Debian's poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { paperHandlers } from '../../../main/backend/papers/handlers';
import { getService } from '../../../main/backend/catalog/queries';
import { putService } from '../../../main/backend/catalog/services';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { repoRoot } from '../../helpers/built-app';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const FONTS = join(repoRoot, 'main', 'backend', 'receipts', 'fonts');

function papers(desk: TestDesk) {
  const handlers = paperHandlers({ db: desk.db, desk: desk.env.desk, now: desk.env.now, fontDir: FONTS });
  const ctx = { session: { clerkId: desk.env.clerkId, roles: desk.env.roles } };
  return {
    acknowledgement: (applicationId: string, lang: 'uk' | 'en' = 'uk') => handlers['papers.acknowledgement']({ applicationId, lang }, ctx),
    registers: (day: string) => handlers['papers.handoffRegisters']({ day, lang: 'uk' }, ctx),
  };
}

function textOf(base64: string): string {
  const file = join(tempDir(), 'paper.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the status model’s papers', () => {
  it('a refusal issued to the applicant: the acknowledgement names the receiver, their document and the decision; a reprint is the same bytes', async () => {
    const desk = openTestDesk(tempDir());
    // The card lists its grounds for refusal: the decision keeps the code, the paper prints the card's words.
    const card = getService(desk.db, SAMPLE_SERVICE.id)!;
    const incomplete = { code: 'incomplete', textUk: 'Подання неповного пакета документів', textEn: 'An incomplete set of documents' };
    putService(desk.db, { ...card, refusalGrounds: [incomplete] }, '2026-11-27T08:00:00Z');
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    const refusal = {
      kind: 'negative' as const,
      decisionNumber: '17/2-ВД',
      decisionDate: '2026-11-27',
      grounds: ['incomplete'],
    };
    changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: refusal });
    await expect(papers(desk).acknowledgement(app.id)).rejects.toMatchObject({ code: 'VALIDATION' });
    desk.setNow('2026-12-01T12:15:00Z');
    const receiver = { party: 'applicant' as const, name: 'Шевченко Марʼяна Іванівна', document: 'ID-картка 001234567' };
    changeApplicationStatus(desk.env, { id: app.id, to: 'issued', receiver });

    const first = await papers(desk).acknowledgement(app.id);
    const text = textOf(first.base64);
    expect(text).toContain('Розписка про отримання результату');
    expect(text).toContain(app.regNumber);
    expect(text).toContain('Результат отримав(ла) Шевченко Марʼяна Іванівна');
    expect(text).toContain('ID-картка 001234567');
    expect(text).toContain('рішення про відмову № 17/2-ВД від 27.11.2026; підстави: Подання неповного пакета документів');
    expect(text).toContain('01.12.2026 14:15');
    desk.setNow('2026-12-20T08:00:00Z');
    expect((await papers(desk).acknowledgement(app.id)).base64).toBe(first.base64);
    const english = textOf((await papers(desk).acknowledgement(app.id, 'en')).base64);
    expect(english).toContain('Received by Шевченко Марʼяна Іванівна');
    expect(english).toContain('grounds: An incomplete set of documents');
  });

  it('the day’s hand-off register lists each case handed off that day, once, under its provider, with signature lines', async () => {
    const desk = openTestDesk(tempDir());
    const { applicant, app: first } = addApplication(desk.env);
    const another = () =>
      registerApplication(
        desk.env,
        RegisterApplication.parse({
          serviceId: SAMPLE_SERVICE.id,
          applicantId: applicant.id,
          items: [{ name: 'Заява', original: true, sheets: 2 }],
        }),
      );
    const handed = [first, another()];
    const kept = another();
    for (const a of handed) changeApplicationStatus(desk.env, { id: a.id, to: 'sent_to_provider' });
    desk.setNow('2026-11-28T09:00:00Z');
    changeApplicationStatus(desk.env, { id: kept.id, to: 'sent_to_provider' });

    const [register, ...others] = await papers(desk).registers('2026-11-27');
    expect(others).toEqual([]);
    expect(register?.provider).toBe('Державна міграційна служба');
    const text = textOf(register!.base64);
    expect(text).toContain('Реєстр передачі справ суб’єкту надання');
    expect(text).toContain('Передано справ 2');
    for (const a of handed) expect(text).toContain(a.regNumber);
    expect(text).not.toContain(kept.regNumber);
    expect(text).toContain('Прийняв представник суб’єкта надання');
    expect(await papers(desk).registers('2026-11-26')).toEqual([]);
  });
});
