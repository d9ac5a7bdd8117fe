import { parsePayload } from '../../../shared/sync-mutations';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';
import { updateWithMerge } from './update-with-merge';

async function create(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('applicant.create', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const existing = await ctx.store.load('applicant', ctx.id);
  if (existing)
    return existing.centerCode === ctx.device.centerCode ? rejected('already_exists', `Applicant ${ctx.id} already exists`) : wrongCenter();
  ctx.store.save('applicant', { id: ctx.id, centerCode: ctx.device.centerCode, version: 1, data: parsed.data });
  return { status: 'applied', version: 1 };
}

async function update(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('applicant.update', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('applicant', ctx.id);
  if (!current) return rejected('not_found', `No applicant ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  return updateWithMerge(ctx, 'applicant', current, parsed.data);
}

export const applicantPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'applicant.create': create,
  'applicant.update': update,
};
