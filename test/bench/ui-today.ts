/**
 * Today's applications for the list figure: `count` rows registered today (in the desk's zone)
 * by two other desks of the center, for applicants and services already in the data set.
 * Written straight into the table like the rest of the data set (dataset.ts says why).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_DESK } from '../../main/backend/config/desk-config';
import { openDatabase } from '../../main/backend/db/open';
import { localDay, localDayStart } from '../../shared/local-day';

export function addTodaysApplications(file: string, count: number, now = new Date()): void {
  const db = openDatabase(file);
  try {
    const day = localDay(now, DEFAULT_DESK.timeZone);
    const dayStartMs = localDayStart(day, DEFAULT_DESK.timeZone).getTime();
    // Spread over the hours of the day that have passed, so the list's newest-first order is a real sort.
    const stepMs = Math.max(1, Math.floor((now.getTime() - dayStartMs) / (count + 1)));
    const templates = db
      .prepare('SELECT service_id, applicant_id, due_date, clerk_id FROM applications ORDER BY rowid LIMIT ?')
      .all(count) as Array<{ service_id: string; applicant_id: string; due_date: string; clerk_id: string }>;
    if (templates.length === 0) throw new Error('The data set has no applications to copy for today');
    const insert = db.prepare(
      `INSERT INTO applications (id, reg_number, service_id, applicant_id, status, registered_at, registered_on, due_date,
         clerk_id, center_code, desk_code, window, updated_at)
       VALUES (?, ?, ?, ?, 'registered', ?, ?, ?, ?, 'KV01', ?, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i += 1) {
        const template = templates[i % templates.length]!;
        const at = new Date(dayStartMs + (i + 1) * stepMs).toISOString();
        const desk = i % 2 === 0 ? '08' : '09';
        const number = `KV01-${desk}-${day.replaceAll('-', '')}-${String(1 + Math.floor(i / 2)).padStart(4, '0')}`;
        insert.run(
          randomUUID(),
          number,
          template.service_id,
          template.applicant_id,
          at,
          day,
          template.due_date,
          template.clerk_id,
          desk,
          desk,
          at,
        );
      }
    })();
  } finally {
    db.close();
  }
}
