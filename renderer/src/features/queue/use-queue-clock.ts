import { useEffect, useState } from 'react';
import { useQueueStore } from './queue-store';

const TICK_MS = 5_000;

/** The back office's time now (wait-time.ts), re-read every few seconds so waiting times tick. */
export function useQueueClock(): number {
  const offset = useQueueStore((state) => state.clockOffsetMs);
  const [local, setLocal] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocal(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return local + offset;
}
