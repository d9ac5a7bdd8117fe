/**
 * The live side of the queue (docs/ARCHITECTURE.md §6.8): desks hear that their center's queue
 * changed (and then read their state), boards hear each call. In-process, because one back-office
 * process owns a center's queue; several processes on one PostgreSQL would need LISTEN/NOTIFY to
 * hear each other's changes, which is not built.
 */
import type { BoardCall, QueueChanged } from '../../shared/queue-protocol';

type Listener<T> = (message: T) => void;

/** Listeners per center; a listener that throws is dropped so one broken stream never stops the others. */
class Channel<T> {
  private readonly listeners = new Map<string, Set<Listener<T>>>();

  subscribe(centerCode: string, listener: Listener<T>): () => void {
    const set = this.listeners.get(centerCode) ?? new Set();
    set.add(listener);
    this.listeners.set(centerCode, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(centerCode);
    };
  }

  publish(centerCode: string, message: T): void {
    for (const listener of [...(this.listeners.get(centerCode) ?? [])]) {
      try {
        listener(message);
      } catch {
        this.listeners.get(centerCode)?.delete(listener);
      }
    }
  }

  count(centerCode: string): number {
    return this.listeners.get(centerCode)?.size ?? 0;
  }
}

export class QueueHub {
  private readonly desks = new Channel<QueueChanged>();
  private readonly boards = new Channel<BoardCall>();
  private seq = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The center's queue changed (a ticket issued, called, moved; a desk paused): desks read their state again. */
  changed(centerCode: string): void {
    this.seq += 1;
    this.desks.publish(centerCode, { seq: this.seq, at: this.now().toISOString() });
  }

  /** A number to show on the hall's board: a call, a recall, a return from park. */
  called(centerCode: string, call: BoardCall): void {
    this.boards.publish(centerCode, call);
  }

  subscribeChanges(centerCode: string, listener: Listener<QueueChanged>): () => void {
    return this.desks.subscribe(centerCode, listener);
  }

  subscribeCalls(centerCode: string, listener: Listener<BoardCall>): () => void {
    return this.boards.subscribe(centerCode, listener);
  }

  /** Open streams of a center (desks + boards): tests check a closed stream unsubscribed. */
  listeners(centerCode: string): number {
    return this.desks.count(centerCode) + this.boards.count(centerCode);
  }
}
