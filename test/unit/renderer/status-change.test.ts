import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application';
import { RESULT_READY_APPLICATION } from '../../helpers/application-fixture';
import { EMPTY_DRAFT, fieldsNeeded, isIrreversible, statusChangeInput } from '../../../renderer/src/features/applications/status-change';

const base = RESULT_READY_APPLICATION;

const at = (status: Application['status']): Application => ({ ...base, status });
const TODAY = '2026-12-03';

describe('statusChangeInput (the status form’s draft → the contract’s input)', () => {
  it('allows only the moves of the status machine', () => {
    expect(statusChangeInput(at('registered'), { ...EMPTY_DRAFT, to: 'issued' }, TODAY)).toEqual({ ok: false, problems: ['to'] });
    expect(statusChangeInput(at('registered'), EMPTY_DRAFT, TODAY)).toEqual({ ok: false, problems: ['to'] });
    expect(statusChangeInput(at('registered'), { ...EMPTY_DRAFT, to: 'sent_to_provider' }, TODAY)).toEqual({
      ok: true,
      input: { id: 'a1', to: 'sent_to_provider' },
    });
  });

  it('turns a refusal into an outcome with its decision, dates typed as ДД.ММ.РРРР, one ground a line', () => {
    const draft = {
      ...EMPTY_DRAFT,
      to: 'result_ready' as const,
      outcomeKind: 'negative' as const,
      decisionNumber: ' 17/2 ',
      decisionDate: '01.12.2026',
      groundsText: ' подано не всі документи \n\n',
    };
    expect(statusChangeInput(at('in_progress'), draft, TODAY)).toEqual({
      ok: true,
      input: {
        id: 'a1',
        to: 'result_ready',
        outcome: { kind: 'negative', decisionNumber: '17/2', decisionDate: '2026-12-01', grounds: ['подано не всі документи'] },
      },
    });
    expect(
      statusChangeInput(at('in_progress'), { ...draft, decisionNumber: '', decisionDate: '31.02.2026', groundsText: ' ' }, TODAY),
    ).toEqual({
      ok: false,
      problems: ['outcome.decisionDate', 'outcome.decisionNumber', 'outcome.grounds'],
    });
    expect(statusChangeInput(at('in_progress'), { ...draft, decisionDate: '04.12.2026' }, TODAY)).toEqual({
      ok: false,
      problems: ['outcome.decisionDate'],
    });
  });

  it('names the receiver and their document when issuing, and refuses a representative without authority to receive', () => {
    const draft = { ...EMPTY_DRAFT, to: 'issued' as const, receiverName: 'Шевченко Тарас', receiverDocument: '' };
    expect(statusChangeInput(at('result_ready'), draft, TODAY)).toEqual({ ok: false, problems: ['receiver.document'] });
    expect(statusChangeInput(at('result_ready'), { ...draft, receiverDocument: 'ID 001234567' }, TODAY)).toMatchObject({
      ok: true,
      input: { receiver: { party: 'applicant', name: 'Шевченко Тарас', document: 'ID 001234567' } },
    });
    expect(statusChangeInput(at('result_ready'), { ...draft, receiverParty: 'representative', receiverDocument: 'ID 1' }, TODAY)).toEqual({
      ok: false,
      problems: ['receiver.party'],
    });
  });

  it('asks each move for its own data: withdrawal request, tracking number, competent body', () => {
    expect(fieldsNeeded('registered', 'withdrawn')).toEqual(['withdrawal']);
    expect(statusChangeInput(at('registered'), { ...EMPTY_DRAFT, to: 'withdrawn' }, TODAY)).toEqual({
      ok: false,
      problems: ['withdrawal.requestNumber', 'withdrawal.requestDate'],
    });
    expect(
      statusChangeInput(at('registered'), { ...EMPTY_DRAFT, to: 'withdrawn', withdrawalNumber: '5', withdrawalDate: '02.12.2026' }, TODAY),
    ).toEqual({ ok: true, input: { id: 'a1', to: 'withdrawn', withdrawal: { requestNumber: '5', requestDate: '2026-12-02' } } });
    expect(statusChangeInput(at('result_ready'), { ...EMPTY_DRAFT, to: 'sent_by_post' }, TODAY)).toEqual({
      ok: false,
      problems: ['trackingNumber'],
    });
    expect(statusChangeInput(at('in_progress'), { ...EMPTY_DRAFT, to: 'transferred', reason: 'не наша' }, TODAY)).toEqual({
      ok: false,
      problems: ['transferTo'],
    });
  });

  it('asks to confirm handing an unpaid result over, in person or by post, and nothing else', () => {
    const unpaid: Application = {
      ...at('result_ready'),
      balance: { ...base.balance, tracked: true, dueKopecks: 4992, outstandingKopecks: 4992, settled: false },
    };
    const post = { ...EMPTY_DRAFT, to: 'sent_by_post' as const, trackingNumber: 'RR123456789UA' };
    expect(statusChangeInput(unpaid, post, TODAY)).toEqual({ ok: false, problems: ['unpaidConfirmed'] });
    expect(statusChangeInput(unpaid, { ...post, unpaidConfirmed: true }, TODAY)).toEqual({
      ok: true,
      input: { id: 'a1', to: 'sent_by_post', trackingNumber: 'RR123456789UA' },
    });
    expect(statusChangeInput(at('result_ready'), post, TODAY)).toMatchObject({ ok: true });
    expect(statusChangeInput({ ...unpaid, status: 'result_ready' }, { ...EMPTY_DRAFT, to: 'returned_unclaimed' }, TODAY)).toMatchObject({
      ok: true,
    });
  });

  it('calls the moves that close a case irreversible, and only those', () => {
    expect(['issued', 'withdrawn', 'registered_in_error', 'delivered'].every((to) => isIrreversible(to as Application['status']))).toBe(
      true,
    );
    expect(
      ['sent_to_provider', 'result_ready', 'needs_info', 'sent_by_post', ''].some((to) => isIrreversible(to as Application['status'])),
    ).toBe(false);
  });
});
