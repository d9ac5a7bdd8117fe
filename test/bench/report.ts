import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Milliseconds at quantile q of already-collected samples. */
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function printTable(figures: Figure[]): void {
  const m = machine();
  const lines = [`Vikno bench — ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, ${m.platform}`, ''];
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) lines.push(`${f.name.padEnd(width)}  ${f.value.toFixed(3).padStart(12)} ${f.unit}`);
  process.stdout.write(lines.join('\n') + '\n');
}

/** The JSON later issues add their figures to: `{ machine, figures: [{ name, value, unit }] }`. */
export function writeJson(file: string, figures: Figure[]): void {
  writeFileSync(file, JSON.stringify({ machine: machine(), figures }, null, 2) + '\n');
}
