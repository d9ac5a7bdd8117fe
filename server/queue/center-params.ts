/** The `:center` of the public queue URLs (kiosk, board): a center code. */
import { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';

export const CenterParams = z.object({ center: PlaceCode }).strict();
