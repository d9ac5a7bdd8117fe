/**
 * What one SANE device offers, read from `scanimage -d DEVICE -A`: the names of its modes and
 * sources (they differ between backends: "Gray" or "Grayscale", "ADF" or "Automatic Document
 * Feeder"), the resolutions it takes, and the largest scan area.
 */

export type Resolutions = { kind: 'range'; min: number; max: number } | { kind: 'list'; values: number[] };

export interface SaneDeviceOptions {
  /** Empty when the device has no settable option of that name. */
  modes: string[];
  sources: string[];
  resolution: Resolutions | null;
  maxWidthMm: number | null;
  maxHeightMm: number | null;
}

interface ListedOption {
  spec: string;
}

/** An option line: `    --mode Gray|Color [Gray]`, `    -x 0..215.9mm (in steps of 1) [80]`. */
const OPTION_LINE = /^\s+(--[\w-]+|-[a-z])(?:\[=\([^)]*\)\])?\s+(.*?)\s+\[([^\]]*)\]\s*$/;

function listedOptions(text: string): Map<string, ListedOption> {
  const options = new Map<string, ListedOption>();
  for (const line of text.split(/\r?\n/)) {
    const match = OPTION_LINE.exec(line);
    if (!match) continue;
    const [, name, rawSpec, current] = match as unknown as [string, string, string, string];
    // An inactive option cannot be set now (scanimage refuses it): as if absent.
    if (current === 'inactive') continue;
    options.set(name, { spec: rawSpec.replace(/\s*\(in steps of [^)]*\)/, '').trim() });
  }
  return options;
}

function range(spec: string, unit: string): { min: number; max: number } | null {
  const match = new RegExp(`^(-?\\d+(?:\\.\\d+)?)\\.\\.(-?\\d+(?:\\.\\d+)?)${unit}$`).exec(spec);
  return match ? { min: Number(match[1]), max: Number(match[2]) } : null;
}

function resolutions(spec: string | undefined): Resolutions | null {
  if (spec === undefined) return null;
  const span = range(spec, 'dpi');
  if (span) return { kind: 'range', ...span };
  const values = spec
    .replace(/dpi$/, '')
    .split('|')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
  return values.length > 0 ? { kind: 'list', values } : null;
}

export function parseSaneOptions(text: string): SaneDeviceOptions {
  const options = listedOptions(text);
  const words = (name: string) =>
    options
      .get(name)
      ?.spec.split('|')
      .map((w) => w.trim())
      .filter((w) => w !== '') ?? [];
  const maxMm = (name: string) => {
    const spec = options.get(name)?.spec;
    return spec === undefined ? null : (range(spec, 'mm')?.max ?? null);
  };
  return {
    modes: words('--mode'),
    sources: words('--source'),
    resolution: resolutions(options.get('--resolution')?.spec),
    maxWidthMm: maxMm('-x'),
    maxHeightMm: maxMm('-y'),
  };
}
