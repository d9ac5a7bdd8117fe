/** Puts the documents fake in as `window.vikno` on import, over whatever backend a test set before (its fallback). */
import { installFake } from './fake-documents';

export const fake = installFake(window.vikno);
