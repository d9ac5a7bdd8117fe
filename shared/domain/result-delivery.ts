import { z } from 'zod';

/** How the result reaches the applicant. */
export const ResultDelivery = z.enum(['in_person', 'post', 'email', 'electronic']);
export type ResultDelivery = z.infer<typeof ResultDelivery>;
