import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A4, MAX_LONG_INCHES, MIN_LONG_INCHES, pageGeometry } from '../../../main/backend/documents/page-size';

const MM = 72 / 25.4;

describe('the size of a page image on paper', () => {
  it('an A4 scan at its stated resolution is an A4 page', () => {
    for (const dpi of [150, 200, 300, 600]) {
      const width = Math.round(210 * (dpi / 25.4));
      const height = Math.round(297 * (dpi / 25.4));
      const page = pageGeometry(width, height, dpi);
      expect(page.stated).toBe(true);
      expect(page.dpi).toBe(dpi);
      expect(Math.abs(page.width - 210 * MM)).toBeLessThan(0.5);
      expect(Math.abs(page.height - 297 * MM)).toBeLessThan(0.5);
    }
  });

  it('a photo saying 72 dpi (or nothing) is fitted into A4 in its own orientation', () => {
    const landscape = pageGeometry(4000, 3000, 72);
    expect(landscape.stated).toBe(false);
    // 4:3 is wider than A4's 1.41:1 is not: the short side fills the sheet.
    expect(landscape.height).toBeCloseTo(A4.short, 5);
    expect(landscape.width).toBeCloseTo((A4.short * 4) / 3, 5);
    const portrait = pageGeometry(3000, 4000, null);
    expect(portrait.stated).toBe(false);
    expect(portrait.width).toBeCloseTo(A4.short, 5);
    expect(portrait.height).toBeCloseTo((A4.short * 4) / 3, 5);
    // A very narrow strip is limited by the other side.
    const strip = pageGeometry(100, 10_000, null);
    expect(strip.height).toBeCloseTo(A4.long, 5);
  });

  it('a resolution that would make a sheet smaller than 2 inches is not believed', () => {
    expect(pageGeometry(300, 200, 300).stated).toBe(false);
    expect(pageGeometry(600, 200, 300).stated).toBe(true);
  });

  it('for any image: square pixels, the picture’s proportions, and a sheet of plausible size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.option(fc.integer({ min: 1, max: 2400 })),
        (widthPx, heightPx, dpi) => {
          const page = pageGeometry(widthPx, heightPx, dpi);
          expect(page.width / widthPx).toBeCloseTo(page.height / heightPx, 9);
          expect(page.width).toBeCloseTo((widthPx / page.dpi) * 72, 6);
          const longInches = Math.max(page.width, page.height) / 72;
          if (page.stated) {
            expect(page.dpi).toBe(dpi);
            expect(longInches).toBeGreaterThanOrEqual(MIN_LONG_INCHES);
            expect(longInches).toBeLessThanOrEqual(MAX_LONG_INCHES);
          } else {
            // Fitted: inside A4 of its orientation, touching it on one side.
            const [boxW, boxH] = widthPx > heightPx ? [A4.long, A4.short] : [A4.short, A4.long];
            expect(page.width).toBeLessThanOrEqual(boxW + 1e-6);
            expect(page.height).toBeLessThanOrEqual(boxH + 1e-6);
            expect(Math.max(page.width / boxW, page.height / boxH)).toBeCloseTo(1, 9);
          }
        },
      ),
    );
  });
});
