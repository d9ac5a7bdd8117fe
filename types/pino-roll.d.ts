// pino-roll 4 ships no types: the part of its options Vikno uses (node_modules/pino-roll/pino-roll.js).
declare module 'pino-roll' {
  import type SonicBoom from 'sonic-boom';
  import type { SonicBoomOpts } from 'sonic-boom';

  export interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string;
    frequency?: 'daily' | 'hourly' | number;
    size?: string | number;
    extension?: string;
    dateFormat?: string;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }

  export default function roll(options: PinoRollOptions): Promise<SonicBoom>;
}
