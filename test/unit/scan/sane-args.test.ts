import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedScanSettings } from '../../../shared/documents';
import { saneMode, saneResolution, saneScanArgs, saneSource } from '../../../main/backend/scan/sane-args';
import { parseSaneOptions } from '../../../main/backend/scan/sane-options';
import { parseSaneDevices, SANE_LIST_FORMAT } from '../../../main/backend/scan/sane-devices';

/** Excerpts of `scanimage -d DEVICE -A` from SANE 1.1.1: the test backend and a typical office flatbed with feeder. */
const TEST_DEVICE = `
All options specific to device \`test':
  Scan Mode:
    --mode Gray|Color [Gray]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --depth 1|8|16 [8]
    --hand-scanner[=(yes|no)] [no]
    --three-pass[=(yes|no)] [inactive]
    --resolution 1..1200dpi (in steps of 1) [50]
        Sets the resolution of the scanned image.
    --source Flatbed|Automatic Document Feeder [Flatbed]
  Geometry:
    -l 0..200mm (in steps of 1) [0]
    -t 0..200mm (in steps of 1) [0]
    -x 0..200mm (in steps of 1) [80]
    -y 0..200mm (in steps of 1) [100]
    --fixed <float> [inactive]
`;
const OFFICE_DEVICE = `
All options specific to device \`epson2:libusb:001:004':
  Scan Mode:
    --mode Lineart|Gray|Color [Lineart]
    --resolution 75|150|300|600|1200dpi [75]
    --source Flatbed|ADF Front|ADF Duplex [Flatbed]
  Geometry:
    -x 0..215.9mm [215.9]
    -y 0..355.6mm [297.18]
    --adf-mode Simplex|Duplex [inactive]
`;

const settings = (over: Partial<ResolvedScanSettings> = {}): ResolvedScanSettings => ({
  device: 'test',
  source: 'flatbed',
  mode: 'gray',
  dpi: 300,
  pageSize: 'a4',
  ...over,
});

describe('scanimage -A → what the device offers', () => {
  it('reads modes, sources, resolutions and the largest area; skips inactive options', () => {
    expect(parseSaneOptions(TEST_DEVICE)).toEqual({
      modes: ['Gray', 'Color'],
      sources: ['Flatbed', 'Automatic Document Feeder'],
      resolution: { kind: 'range', min: 1, max: 1200 },
      maxWidthMm: 200,
      maxHeightMm: 200,
    });
    expect(parseSaneOptions(OFFICE_DEVICE)).toEqual({
      modes: ['Lineart', 'Gray', 'Color'],
      sources: ['Flatbed', 'ADF Front', 'ADF Duplex'],
      resolution: { kind: 'list', values: [75, 150, 300, 600, 1200] },
      maxWidthMm: 215.9,
      maxHeightMm: 355.6,
    });
  });

  it('a device that offers none of them, or only inactive ones, leaves every choice to it', () => {
    const inactive = '    --mode Gray|Color [inactive]\n    --source Flatbed|ADF [inactive]\n    --resolution 75|300dpi [inactive]\n';
    expect(parseSaneOptions(inactive)).toEqual(parseSaneOptions("All options specific to device `x':\n"));
    expect(parseSaneOptions("All options specific to device `x':\n")).toEqual({
      modes: [],
      sources: [],
      resolution: null,
      maxWidthMm: null,
      maxHeightMm: null,
    });
  });
});

describe('the scanimage command line', () => {
  const test = parseSaneOptions(TEST_DEVICE);
  const office = parseSaneOptions(OFFICE_DEVICE);

  it('asks the test device for a gray A4 page, clamped to its 200 mm, one page from the flatbed', () => {
    expect(saneScanArgs(settings(), test, '/work dir')).toEqual({
      args: [
        '-d',
        'test',
        '--format=tiff',
        '--resolution',
        '300',
        '--mode',
        'Gray',
        '--source',
        'Flatbed',
        '-x',
        '200',
        '-y',
        '200',
        '--batch=/work dir/page%d.tif',
        '--batch-count=1',
      ],
      dpi: 300,
      batch: false,
    });
  });

  it('scans the feeder in a batch until it runs out, with the extra device options before the batch', () => {
    const plan = saneScanArgs(settings({ source: 'feeder', pageSize: 'a5' }), test, '/w', ['--test-picture', 'Grid']);
    expect(plan.batch).toBe(true);
    expect(plan.args).toEqual(
      expect.arrayContaining([
        '--source',
        'Automatic Document Feeder',
        '-x',
        '148',
        '-y',
        '200',
        '--test-picture',
        'Grid',
        '--batch=/w/page%d.tif',
      ]),
    );
    expect(plan.args).not.toContain('--batch-count=1');
    expect(plan.args.indexOf('Grid')).toBeLessThan(plan.args.indexOf('--batch=/w/page%d.tif'));
  });

  it('uses the office device’s own names: ADF Front, ADF Duplex, Lineart, the nearest listed resolution', () => {
    const plan = saneScanArgs(
      settings({ device: 'epson2:libusb:001:004', source: 'duplex', mode: 'lineart', dpi: 200, pageSize: 'legal' }),
      office,
      '/w',
    );
    expect(plan.args).toEqual([
      '-d',
      'epson2:libusb:001:004',
      '--format=tiff',
      '--resolution',
      '150',
      '--mode',
      'Lineart',
      '--source',
      'ADF Duplex',
      '-x',
      '215.9',
      '-y',
      '355.6',
      '--batch=/w/page%d.tif',
    ]);
    expect(plan.dpi).toBe(150);
    expect(saneSource('feeder', office.sources)).toBe('ADF Front');
  });

  it('a mode the device lacks falls back to gray; no gray either leaves the mode out', () => {
    expect(saneMode('lineart', test.modes)).toBe('Gray');
    expect(saneMode('color', ['Grayscale', 'True Color'])).toBe('True Color');
    expect(saneMode('color', ['Binary', 'Grayscale'])).toBe('Grayscale');
    expect(saneMode('gray', ['Binary'])).toBeNull();
    expect(saneScanArgs(settings(), { ...test, modes: [] }, '/w').args).not.toContain('--mode');
  });

  it('a flatbed-only device scans one page even when the feeder was asked', () => {
    const plan = saneScanArgs(settings({ source: 'feeder' }), { ...test, sources: ['Flatbed'] }, '/w');
    expect(plan.batch).toBe(false);
    expect(plan.args).not.toContain('--source');
    expect(plan.args).toContain('--batch-count=1');
  });

  it('a device name with spaces or quotes stays one argument (argv, never a shell)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (device) => {
        const args = saneScanArgs(settings({ device }), test, '/w').args;
        expect(args[0]).toBe('-d');
        expect(args[1]).toBe(device);
      }),
    );
  });

  it('the resolution is always one the device offers, the nearest to the asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 75, max: 1200 }),
        fc.uniqueArray(fc.integer({ min: 50, max: 2400 }), { minLength: 1, maxLength: 8 }),
        (dpi, values) => {
          const chosen = saneResolution(dpi, { kind: 'list', values });
          expect(values).toContain(chosen);
          for (const v of values) expect(Math.abs(chosen - dpi)).toBeLessThanOrEqual(Math.abs(v - dpi));
          const ranged = saneResolution(dpi, { kind: 'range', min: 100, max: 600 });
          expect(ranged).toBe(Math.min(600, Math.max(100, dpi)));
        },
      ),
    );
  });
});

describe('scanimage -f → devices', () => {
  it('splits at tabs, so names with spaces and colons parse whole; skips other lines and repeats', () => {
    expect(SANE_LIST_FORMAT).toBe('%d\t%v\t%m\t%t%n');
    const out = [
      'net:192.168.1.5:epson2:libusb:001:004\tEpson\tGT-S55\tflatbed scanner',
      'airscan:e0:HP LaserJet MFP M426fdn\teSCL\tHP LaserJet MFP M426fdn\tip=192.168.1.7',
      'No scanners were identified. If you were expecting something different,',
      'net:192.168.1.5:epson2:libusb:001:004\tEpson\tGT-S55\tflatbed scanner',
      'v4l:/dev/video0\t\t\t',
    ].join('\n');
    expect(parseSaneDevices(out)).toEqual([
      { id: 'net:192.168.1.5:epson2:libusb:001:004', label: 'Epson GT-S55 (flatbed scanner)' },
      { id: 'airscan:e0:HP LaserJet MFP M426fdn', label: 'eSCL HP LaserJet MFP M426fdn (ip=192.168.1.7)' },
      { id: 'v4l:/dev/video0', label: 'v4l:/dev/video0' },
    ]);
  });
});
