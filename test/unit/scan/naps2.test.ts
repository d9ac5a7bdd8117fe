import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedScanSettings } from '../../../shared/documents';
import { naps2ListArgs, naps2Prefix, naps2ScanArgs, parseNaps2DeviceId } from '../../../main/backend/scan/naps2-args';
import { naps2Problem, parseNaps2Devices } from '../../../main/backend/scan/naps2-output';
import { naps2PageFiles } from '../../../main/backend/scan/naps2-scanner';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const WINDOWS_PROGRAM = 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe';
const MAC_PROGRAM = '/Applications/NAPS2.app/Contents/MacOS/NAPS2';

const settings = (over: Partial<ResolvedScanSettings> = {}): ResolvedScanSettings => ({
  device: 'wia:Canon LiDE 300',
  source: 'flatbed',
  mode: 'gray',
  dpi: 300,
  pageSize: 'a4',
  ...over,
});

describe('the NAPS2 console command line', () => {
  it('on Windows: NAPS2.Console.exe with numbered PNG pages, no profile, the device’s driver and every setting', () => {
    expect(naps2ScanArgs(WINDOWS_PROGRAM, settings(), 'C:\\scan', 'win32')).toEqual([
      '-o',
      join('C:\\scan', 'page$(nnnn).png'),
      '--noprofile',
      '--driver',
      'wia',
      '--device',
      'Canon LiDE 300',
      '--source',
      'glass',
      '--dpi',
      '300',
      '--bitdepth',
      'gray',
      '--pagesize',
      'a4',
      '--force',
    ]);
  });

  it('on macOS: the app’s program with its cli verb, the apple driver for a bare device name', () => {
    const args = naps2ScanArgs(
      MAC_PROGRAM,
      settings({ device: 'Brother ADS-2200', source: 'duplex', mode: 'lineart', pageSize: 'letter', dpi: 200 }),
      '/tmp/s',
      'darwin',
    );
    expect(args.slice(0, 1)).toEqual(['cli']);
    expect(args).toEqual(
      expect.arrayContaining([
        '--driver',
        'apple',
        '--device',
        'Brother ADS-2200',
        '--source',
        'duplex',
        '--bitdepth',
        'bw',
        '--pagesize',
        'letter',
        '--dpi',
        '200',
      ]),
    );
    expect(naps2ListArgs(MAC_PROGRAM, 'escl')).toEqual(['cli', '--listdevices', '--driver', 'escl']);
    expect(naps2ListArgs(WINDOWS_PROGRAM, 'twain')).toEqual(['--listdevices', '--driver', 'twain']);
  });

  it('maps each source and mode to NAPS2’s words', () => {
    const at = (args: string[], flag: string) => args[args.indexOf(flag) + 1];
    for (const [source, word] of [
      ['flatbed', 'glass'],
      ['feeder', 'feeder'],
      ['duplex', 'duplex'],
    ] as const) {
      expect(at(naps2ScanArgs(WINDOWS_PROGRAM, settings({ source }), '/w', 'win32'), '--source')).toBe(word);
    }
    for (const [mode, word] of [
      ['color', 'color'],
      ['gray', 'gray'],
      ['lineart', 'bw'],
    ] as const) {
      expect(at(naps2ScanArgs(WINDOWS_PROGRAM, settings({ mode }), '/w', 'win32'), '--bitdepth')).toBe(word);
    }
  });

  it('knows the console by its name only: NAPS2.Console(.exe) runs bare, anything else with cli', () => {
    expect(naps2Prefix('D:/Tools/naps2.console.exe')).toEqual([]);
    expect(naps2Prefix('/usr/bin/naps2')).toEqual(['cli']);
    expect(naps2Prefix('C:\\Apps\\NAPS2\\NAPS2.exe')).toEqual(['cli']);
  });

  it('a device id is driver:name; a name without a known driver takes the platform’s own, colons and all', () => {
    expect(parseNaps2DeviceId('twain:EPSON DS-410', 'win32')).toEqual({ driver: 'twain', name: 'EPSON DS-410' });
    expect(parseNaps2DeviceId('escl:HP MFP M426 [192.168.1.7]', 'darwin')).toEqual({ driver: 'escl', name: 'HP MFP M426 [192.168.1.7]' });
    expect(parseNaps2DeviceId('Canon: LiDE', 'win32')).toEqual({ driver: 'wia', name: 'Canon: LiDE' });
    expect(parseNaps2DeviceId('Canon LiDE', 'darwin')).toEqual({ driver: 'apple', name: 'Canon LiDE' });
  });

  it('a listed device round-trips through its id to the same driver and name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('wia', 'twain', 'escl', 'apple'),
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() === s && !/[\r\n]/.test(s) && s !== ''),
        (driver, name) => {
          const [device] = parseNaps2Devices(`${name}\r\n`, driver);
          expect(parseNaps2DeviceId(device!.id, 'win32')).toEqual({ driver, name });
        },
      ),
    );
  });
});

describe('NAPS2 console output', () => {
  it('--listdevices: one name a line, blanks and repeats dropped', () => {
    expect(parseNaps2Devices('Canon LiDE 300\r\n\r\nWIA-EPSON DS-410\r\nCanon LiDE 300\r\n', 'wia')).toEqual([
      { id: 'wia:Canon LiDE 300', label: 'Canon LiDE 300 (WIA)' },
      { id: 'wia:WIA-EPSON DS-410', label: 'WIA-EPSON DS-410 (WIA)' },
    ]);
    expect(parseNaps2Devices('', 'twain')).toEqual([]);
  });

  it('NAPS2’s error messages become problems; a feeder emptied after pages is a finish', () => {
    const problem = (line: string, pages = 0, code: number | null = 1) => naps2Problem({ code, output: ['', line, ''], pages });
    expect(problem('The selected scanner could not be found.')).toEqual({
      kind: 'not_found',
      detail: 'The selected scanner could not be found.',
    });
    expect(problem('The selected scanner is offline.')?.kind).toBe('not_found');
    expect(problem('No scanning device was found.')?.kind).toBe('not_found');
    expect(problem('The selected scanner is busy.')?.kind).toBe('busy');
    expect(problem('The scanner is warming up.')?.kind).toBe('busy');
    expect(problem("The scanner's cover is open.")?.kind).toBe('cover_open');
    expect(problem('The scanner has a paper jam.')?.kind).toBe('jammed');
    expect(problem('No pages are in the feeder.')?.kind).toBe('feeder_empty');
    expect(problem('No pages are in the feeder.', 3, 0)).toBeNull();
    expect(problem('Communication with the scanning device was interrupted.')).toEqual({
      kind: 'failed',
      detail: 'Communication with the scanning device was interrupted.',
    });
    expect(naps2Problem({ code: 0, output: [], pages: 2 })).toBeNull();
    expect(naps2Problem({ code: 0, output: [], pages: 0 })).toEqual({ kind: 'failed', detail: 'exit status 0' });
    expect(naps2Problem({ code: null, output: [], pages: 0 })).toEqual({ kind: 'failed', detail: 'stopped by a signal' });
  });

  it('its pages are handed over in NAPS2’s numeric order, other files ignored', () => {
    const dir = tempDir();
    // Past page 9999 the number grows a digit: the order is by number, not by name.
    for (const name of ['page10000.png', 'page0010.png', 'page0002.png', 'page9999.png', 'page0003.png.tmp', 'notes.txt']) {
      writeFileSync(join(dir, name), '');
    }
    expect(naps2PageFiles(dir)).toEqual(['page0002.png', 'page0010.png', 'page9999.png', 'page10000.png'].map((n) => join(dir, n)));
  });
});
