/**
 * How large a page image is on paper. A scan says its resolution; a photo often says nothing or a
 * meaningless 72 dpi (a phone picture at 72 dpi would be a metre wide), so an image whose stated
 * size is not plausible for a sheet is fitted into A4 in its own orientation instead.
 */

export const POINTS_PER_INCH = 72;
/** A4, 210 × 297 mm, in points. */
export const A4 = { short: (210 / 25.4) * POINTS_PER_INCH, long: (297 / 25.4) * POINTS_PER_INCH };
/** The largest sheet a stated resolution is believed for: A3 (420 mm) with room to spare. */
export const MAX_LONG_INCHES = 17;
/** The smallest: smaller than a bank card's long side (3.37 in) is a resolution that lies. */
export const MIN_LONG_INCHES = 2;

export interface PageGeometry {
  /** The page in points. */
  width: number;
  height: number;
  /** Pixels per inch on that page (the same across and down: pixels stay square). */
  dpi: number;
  /** The stated resolution was used as it is; false: the image was fitted into A4. */
  stated: boolean;
}

export function pageGeometry(widthPx: number, heightPx: number, dpi: number | null): PageGeometry {
  const longPx = Math.max(widthPx, heightPx);
  if (dpi !== null && dpi > 0) {
    const longInches = longPx / dpi;
    if (longInches >= MIN_LONG_INCHES && longInches <= MAX_LONG_INCHES) {
      return { width: (widthPx / dpi) * POINTS_PER_INCH, height: (heightPx / dpi) * POINTS_PER_INCH, dpi, stated: true };
    }
  }
  const [boxWidth, boxHeight] = widthPx > heightPx ? [A4.long, A4.short] : [A4.short, A4.long];
  const scale = Math.min(boxWidth / widthPx, boxHeight / heightPx);
  return { width: widthPx * scale, height: heightPx * scale, dpi: POINTS_PER_INCH / scale, stated: false };
}
