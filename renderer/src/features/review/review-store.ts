import { create } from 'zustand';
import type { ErrorBody } from '../../../../shared/errors';
import type { ReviewDay } from '../../../../shared/review';
import { DEFAULT_WAITING_DAYS } from '../../../../shared/review';
import { api } from '../../api';

export type DayState =
  { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; day: ReviewDay } | { status: 'failed'; error: ErrorBody };

interface ReviewStore {
  state: DayState;
  /** Reads the period's figures; an answer to an older request than the newest is dropped. */
  load(from: string, to: string, waitingDays?: number): Promise<void>;
}

let latest = 0;

/** The supervisor's day as last read (shared/review.ts). */
export const useReviewStore = create<ReviewStore>((set) => ({
  state: { status: 'idle' },
  async load(from, to, waitingDays = DEFAULT_WAITING_DAYS) {
    const request = ++latest;
    set({ state: { status: 'loading' } });
    const result = await api.call('review.day', { from, to, waitingDays });
    if (request !== latest) return;
    set({ state: result.ok ? { status: 'loaded', day: result.value } : { status: 'failed', error: result.error } });
  },
}));
