/** `YYYY-MM-DD` (or an ISO timestamp) as the clerk reads dates: `ДД.ММ.РРРР`. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** An ISO timestamp as local `ДД.ММ.РРРР ГГ:ХХ`. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatTime(iso: string): string {
  return formatDateTime(iso).slice(11);
}

/** Kopecks as hryvnias: 27900 → "279", 3450 → "34,50". */
export function formatUah(kopecks: number): string {
  const whole = Math.floor(kopecks / 100);
  const rest = kopecks % 100;
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`;
}
