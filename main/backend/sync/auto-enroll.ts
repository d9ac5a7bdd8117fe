/**
 * Enrollment at first start with no clerk action (docs/IT.md "Connecting a desk to the back
 * office"): a desk whose config holds a back-office URL and an enrollment code, and which is not
 * enrolled, exchanges the code in the background. An unreachable back office is tried again with
 * backoff, for as long as the desk runs; a refused code is not sent again (the refusal is shown).
 */
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { BackoffPolicy } from './backoff';

/** `done`: enrolled, or refused for good; `retry`: the back office was not reached or not ready. */
export type ExchangeOutcome = 'done' | 'retry';

export interface AutoEnrollOptions {
  exchange: () => Promise<ExchangeOutcome>;
  random?: () => number;
  policy?: BackoffPolicy;
}

export function createAutoEnroller(options: AutoEnrollOptions) {
  const policy = options.policy ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  let failures = 0;

  async function attempt(): Promise<void> {
    timer = null;
    const outcome = await options.exchange();
    if (stopped || outcome === 'done') return;
    const delay = backoffDelay(failures, policy, random);
    failures += 1;
    timer = setTimeout(() => {
      running = attempt();
    }, delay);
    // A pending retry never keeps the process alive on its own.
    timer.unref?.();
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      running = attempt();
    },
    /** Stops retrying; resolves once an exchange under way has ended. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
