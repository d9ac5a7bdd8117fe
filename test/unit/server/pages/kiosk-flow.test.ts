import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KioskTicketRequest } from '../../../../shared/queue-protocol';
import type { KioskConfig } from '../../../../shared/queue-protocol';
import { START, kioskStep, ticketRequest } from '../../../../server/pages/src/kiosk/flow';
import type { KioskEvent, KioskState } from '../../../../server/pages/src/kiosk/flow';
import { kioskConfig, kioskTicket } from './kiosk-fixture';

function run(events: readonly KioskEvent[], config: KioskConfig = kioskConfig): KioskState {
  return events.reduce((state, event) => kioskStep(state, event, config), START);
}

describe('the kiosk flow', () => {
  it('goes area → service → purpose → priority → ticket request', () => {
    const state = run([
      { type: 'area', code: 'social' },
      { type: 'service', code: 'subsidy' },
      { type: 'purpose', purpose: 'submit' },
      { type: 'priority', category: 'veteran' },
    ]);
    expect(state).toEqual({ step: 'issuing', request: { serviceCode: 'subsidy', purpose: 'submit', priorityCategory: 'veteran' } });
  });

  it('asks collect tickets for the registration number, trimmed, and leaves it out when skipped', () => {
    const upToNumber: KioskEvent[] = [
      { type: 'area', code: 'passports' },
      { type: 'service', code: 'passport' },
      { type: 'purpose', purpose: 'collect' },
      { type: 'priority', category: null },
    ];
    expect(run(upToNumber).step).toBe('regNumber');
    expect(run([...upToNumber, { type: 'regNumber', value: '  KV01-2026-000123 ' }])).toEqual({
      step: 'issuing',
      request: { serviceCode: 'passport', purpose: 'collect', regNumber: 'KV01-2026-000123' },
    });
    expect(run([...upToNumber, { type: 'regNumber', value: '   ' }])).toEqual({
      step: 'issuing',
      request: { serviceCode: 'passport', purpose: 'collect' },
    });
  });

  it('sends «Інше звернення» with no service, through the priority question', () => {
    expect(run([{ type: 'other' }]).step).toBe('priority');
    expect(run([{ type: 'other' }, { type: 'priority', category: null }])).toEqual({
      step: 'issuing',
      request: { serviceCode: null, purpose: 'other' },
    });
  });

  it('skips the priority question when the center has no categories', () => {
    const config = { ...kioskConfig, priorityCategories: [] };
    expect(run([{ type: 'other' }], config)).toEqual({ step: 'issuing', request: { serviceCode: null, purpose: 'other' } });
    const collect = run(
      [
        { type: 'area', code: 'social' },
        { type: 'service', code: 'subsidy' },
        { type: 'purpose', purpose: 'collect' },
      ],
      config,
    );
    expect(collect.step).toBe('regNumber');
    expect(kioskStep(collect, { type: 'back' }, config).step).toBe('purpose');
  });

  it('refuses a service from another area, an unknown area and an unknown priority category', () => {
    expect(run([{ type: 'area', code: 'nowhere' }])).toBe(START);
    const service = run([{ type: 'area', code: 'social' }]);
    expect(kioskStep(service, { type: 'service', code: 'passport' }, kioskConfig)).toBe(service);
    const priority = run([{ type: 'other' }]);
    expect(kioskStep(priority, { type: 'priority', category: 'king' }, kioskConfig)).toBe(priority);
  });

  it('goes back one step at a time, forgetting the choice it leaves', () => {
    const states = [
      { type: 'area', code: 'social' },
      { type: 'service', code: 'subsidy' },
      { type: 'purpose', purpose: 'collect' },
      { type: 'priority', category: 'disability' },
    ] as const;
    const atNumber = run(states);
    const atPriority = kioskStep(atNumber, { type: 'back' }, kioskConfig);
    expect(atPriority).toEqual({
      step: 'priority',
      choice: { areaCode: 'social', serviceCode: 'subsidy', purpose: 'collect', priorityCategory: null },
    });
    const atPurpose = kioskStep(atPriority, { type: 'back' }, kioskConfig);
    expect(atPurpose).toEqual({
      step: 'purpose',
      choice: { areaCode: 'social', serviceCode: 'subsidy', purpose: null, priorityCategory: null },
    });
    const atService = kioskStep(atPurpose, { type: 'back' }, kioskConfig);
    expect(atService).toEqual({
      step: 'service',
      choice: { areaCode: 'social', serviceCode: null, purpose: null, priorityCategory: null },
    });
    expect(kioskStep(atService, { type: 'back' }, kioskConfig)).toEqual(START);
    expect(kioskStep(run([{ type: 'other' }]), { type: 'back' }, kioskConfig)).toEqual(START);
  });

  it('checks a booking in by its code, only when the center books, with at least 4 characters', () => {
    expect(run([{ type: 'booking' }, { type: 'bookingCode', value: ' 4F7K2 ' }])).toEqual({ step: 'checkingIn', code: '4F7K2' });
    expect(run([{ type: 'booking' }, { type: 'bookingCode', value: 'ab ' }])).toEqual({ step: 'bookingCode' });
    expect(run([{ type: 'booking' }], { ...kioskConfig, bookingEnabled: false })).toBe(START);
  });

  it('shows the ticket or the error the call answered, and restarts from either', () => {
    const issuing = run([{ type: 'other' }, { type: 'priority', category: null }]);
    const shown = kioskStep(issuing, { type: 'issued', ticket: kioskTicket }, kioskConfig);
    expect(shown).toEqual({ step: 'ticket', ticket: kioskTicket });
    expect(kioskStep(shown, { type: 'back' }, kioskConfig)).toBe(shown);
    expect(kioskStep(shown, { type: 'restart' }, kioskConfig)).toBe(START);
    const failed = kioskStep(issuing, { type: 'failed', code: 'series_exhausted' }, kioskConfig);
    expect(failed).toEqual({ step: 'error', code: 'series_exhausted' });
    expect(kioskStep(failed, { type: 'restart' }, kioskConfig)).toBe(START);
  });

  const anyEvent: fc.Arbitrary<KioskEvent> = fc.oneof(
    fc.constantFrom('social', 'passports', 'nowhere').map((code) => ({ type: 'area', code }) as const),
    fc.constant({ type: 'other' } as const),
    fc.constantFrom('subsidy', 'residence', 'passport', 'nothing').map((code) => ({ type: 'service', code }) as const),
    fc.constantFrom('consultation', 'submit', 'collect').map((purpose) => ({ type: 'purpose', purpose }) as const),
    fc.constantFrom(null, 'disability', 'veteran', 'king').map((category) => ({ type: 'priority', category }) as const),
    fc.string({ maxLength: 12 }).map((value) => ({ type: 'regNumber', value }) as const),
    fc.constant({ type: 'booking' } as const),
    fc.string({ maxLength: 12 }).map((value) => ({ type: 'bookingCode', value }) as const),
    fc.constant({ type: 'back' } as const),
  );

  it('only ever asks for a ticket the protocol accepts, for a service of the chosen area', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
        let state: KioskState = START;
        for (const event of events) {
          const before = state;
          state = kioskStep(state, event, kioskConfig);
          if (state.step !== 'issuing') continue;
          expect(KioskTicketRequest.safeParse(state.request).success).toBe(true);
          if (state.request.serviceCode !== null) {
            const areaCode = 'choice' in before ? before.choice.areaCode : null;
            const area = kioskConfig.areas.find((a) => a.code === areaCode);
            expect(area?.services.map((s) => s.code)).toContain(state.request.serviceCode);
          }
          if (state.request.regNumber !== undefined) expect(state.request.purpose).toBe('collect');
          state = kioskStep(state, { type: 'restart' }, kioskConfig);
        }
      }),
    );
  });

  it('builds a request the protocol accepts from any finished choice, the number only for collect', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('consultation', 'submit', 'collect', 'other'),
        fc.option(fc.constantFrom('disability', 'veteran'), { nil: null }),
        fc.option(fc.string({ maxLength: 40 }), { nil: null }),
        (purpose, priorityCategory, regNumber) => {
          const request = ticketRequest({ areaCode: 'social', serviceCode: 'subsidy', purpose, priorityCategory }, regNumber);
          expect(KioskTicketRequest.safeParse(request).success).toBe(true);
          // The registration number travels only with a collect ticket, and only when one was typed.
          expect(request.regNumber).toBe(purpose === 'collect' && regNumber?.trim() ? regNumber.trim() : undefined);
          expect(request.serviceCode).toBe(purpose === 'other' ? null : 'subsidy');
        },
      ),
    );
  });
});
