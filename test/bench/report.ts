import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** The 1, 5 and 15 minute load averages: figures from a machine busy with other work mean less. */
export type LoadAverage = [number, number, number];

/** What a run was: the load around it, and how long each section took (`--quick` keeps each under a minute). */
export interface RunFacts {
  loadStart: LoadAverage;
  loadEnd: LoadAverage;
  sections: Array<{ name: string; seconds: number }>;
}

export function loadAverage(): LoadAverage {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [one, five, fifteen];
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

const loadText = (load: LoadAverage) => load.map((l) => l.toFixed(2)).join(' ');

export function printTable(figures: Figure[], run: RunFacts): void {
  const m = machine();
  const lines = [
    `Vikno bench — ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), Node ${m.node}, ${m.platform}`,
    `load average (1, 5, 15 min): ${loadText(run.loadStart)} at start, ${loadText(run.loadEnd)} at end`,
    `sections: ${run.sections.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')}`,
    '',
  ];
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) lines.push(`${f.name.padEnd(width)}  ${f.value.toFixed(3).padStart(12)} ${f.unit}`);
  process.stdout.write(lines.join('\n') + '\n');
}

/**
 * The JSON later issues add their figures to: `{ machine, figures: [{ name, value, unit }] }`,
 * with the run's facts (load, section times) beside them as added fields.
 */
export function writeJson(file: string, figures: Figure[], run: RunFacts): void {
  writeFileSync(file, JSON.stringify({ machine: machine(), ...run, figures }, null, 2) + '\n');
}
