import { SubsistenceMinimum } from '../../../shared/domain/fee-rule';
import { Service } from '../../../shared/domain/service';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { PulledApplier, PulledContext } from '../sync/pulled-change';
import { markDeletedIn } from '../sync/pulled-change';
import { putService, putSubsistenceMinimum } from './services';

/**
 * The first catalog the back office sends replaces the sample one (docs/ARCHITECTURE.md §6.4): the
 * sample services leave the choice; old cases still show them.
 */
function retireSampleCatalog(db: Db, ctx: PulledContext): void {
  const source = statement(db, "SELECT value FROM desk_meta WHERE key = 'catalog_source'").pluck().get() as string | undefined;
  if (source === 'back_office') return;
  if (source === 'sample') {
    const retired = statement(db, 'UPDATE services SET active = 0, updated_at = ? WHERE server_version IS NULL AND active = 1').run(ctx.at);
    ctx.logger.log('info', 'The back office’s catalog replaces the sample one', { retired: retired.changes });
  }
  statement(
    db,
    "INSERT INTO desk_meta (key, value) VALUES ('catalog_source', 'back_office') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run();
}

/**
 * Another service already holding the code (published under another id, since retired) gives it up,
 * keeping its id in the code, so the pull goes on and old cases still show it.
 */
function yieldCode(db: Db, id: string, code: string, ctx: PulledContext): void {
  const holder = statement(db, 'SELECT id, active FROM services WHERE code = ? AND id <> ?').get(code, id) as
    { id: string; active: number } | undefined;
  if (holder === undefined) return;
  statement(db, "UPDATE services SET code = code || '~' || id WHERE id = ?").run(holder.id);
  // A retired sample service giving its code to the center's own is expected; an offered one losing it is not.
  ctx.logger.log(holder.active === 1 ? 'warn' : 'info', 'A pulled service took a code another service held here', {
    id,
    code,
    holder: holder.id,
  });
}

/** A pulled catalog service: the information card as the back office published it. */
export const serviceApplier: PulledApplier = {
  preparePage: retireSampleCatalog,
  apply(db, change, ctx) {
    const parsed = Service.safeParse({ ...change.data, id: change.id });
    if (!parsed.success) {
      ctx.logger.log('warn', 'Pulled service does not match the information card this desk understands; skipped', { id: change.id });
      return;
    }
    yieldCode(db, change.id, parsed.data.code, ctx);
    putService(db, parsed.data, ctx.at);
    statement(db, 'UPDATE services SET server_version = ?, deleted_at = NULL WHERE id = ?').run(change.version, change.id);
  },
  remove: markDeletedIn('services'),
};

/** A year of the subsistence-minimum table fees are computed from. */
export const subsistenceMinimumApplier: PulledApplier = {
  apply(db, change, ctx) {
    const parsed = SubsistenceMinimum.safeParse(change.data);
    if (!parsed.success) {
      ctx.logger.log('warn', 'Pulled subsistence minimum is malformed; skipped', { id: change.id });
      return;
    }
    putSubsistenceMinimum(db, parsed.data, ctx.at);
    statement(db, 'UPDATE subsistence_minimums SET server_version = ? WHERE year = ?').run(change.version, parsed.data.year);
  },
  remove(db, change, ctx) {
    const year = Number(/^(\d{4})$/.exec(change.id)?.[1]);
    statement(db, 'UPDATE subsistence_minimums SET deleted_at = ?, server_version = ? WHERE year = ?').run(ctx.at, change.version, year);
  },
};
