import { describe, expect, it } from 'vitest';
import { QueueHub } from '../../../server/queue/hub';

describe('the queue hub', () => {
  it("tells each center's listeners only of that center, numbering changes", () => {
    const hub = new QueueHub(() => new Date('2026-12-07T09:00:00.000Z'));
    const seen: string[] = [];
    hub.subscribeChanges('C1', (c) => seen.push(`C1 changed ${c.seq}`));
    hub.subscribeChanges('C2', (c) => seen.push(`C2 changed ${c.seq}`));
    hub.subscribeCalls('C1', (call) => seen.push(`C1 board ${call.number}@${call.window}`));
    hub.changed('C1');
    hub.called('C1', { seq: 5, number: 'А001', window: '3', at: '2026-12-07T09:00:00.000Z' });
    hub.changed('C2');
    expect(seen).toEqual(['C1 changed 1', 'C1 board А001@3', 'C2 changed 2']);
  });

  it('forgets a listener that unsubscribed or threw, and keeps telling the others', () => {
    const hub = new QueueHub();
    const heard: number[] = [];
    const stop = hub.subscribeChanges('C1', () => heard.push(1));
    hub.subscribeChanges('C1', () => {
      throw new Error('stream closed');
    });
    hub.subscribeChanges('C1', (c) => heard.push(c.seq * 10));
    expect(hub.listeners('C1')).toBe(3);
    hub.changed('C1');
    stop();
    hub.changed('C1');
    expect(heard).toEqual([1, 10, 20]);
    expect(hub.listeners('C1')).toBe(1);
  });
});
