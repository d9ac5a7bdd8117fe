/** Paper sizes in millimetres (ISO 216 and the US sizes), width × height, portrait. */
import type { PageSize } from '../../../shared/documents';
import type { z } from 'zod';

export const PAGE_SIZE_MM: Record<z.infer<typeof PageSize>, { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
  letter: { width: 215.9, height: 279.4 },
  legal: { width: 215.9, height: 355.6 },
};
