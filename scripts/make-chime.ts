/** `node scripts/make-chime.ts`: writes the board's chime (server/pages/chime.ts) to server/pages/assets/chime.wav. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chimeWav } from '../server/pages/chime.ts';

const file = join(import.meta.dirname, '..', 'server', 'pages', 'assets', 'chime.wav');
writeFileSync(file, chimeWav());
process.stdout.write(`Wrote ${file}\n`);
