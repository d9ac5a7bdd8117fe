import { z } from 'zod';

/** A center or desk code: what a desk is configured with, and what its enrollment code names. */
export const PlaceCode = z.string().regex(/^[0-9A-Z]{1,8}$/, 'use 1–8 capital Latin letters or digits');
