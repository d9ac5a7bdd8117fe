import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportKind } from '../../../shared/documents';
import { kindOfName, sniffKind, SNIFF_BYTES } from '../../../main/backend/documents/file-kind';

const HEADERS: ReadonlyArray<[ImportKind, number[]]> = [
  ['pdf', [...Buffer.from('%PDF-')]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
];

describe('a file kind by its first bytes', () => {
  it('any bytes give a kind or null, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const kind = sniffKind(bytes);
        expect(kind === null || ImportKind.options.includes(kind)).toBe(true);
      }),
    );
  });

  it('a real header followed by anything is its kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.uint8Array({ maxLength: 64 }), ([kind, header], rest) => {
        expect(sniffKind(new Uint8Array([...header, ...rest]))).toBe(kind);
      }),
    );
  });

  it('a header cut short, or one byte off, is not a kind', () => {
    for (const [, header] of HEADERS) {
      expect(sniffKind(new Uint8Array(header.slice(0, -1)))).toBeNull();
      for (let i = 0; i < header.length; i++) {
        const changed = [...header];
        changed[i] = (changed[i]! + 1) & 255;
        expect(sniffKind(new Uint8Array(changed))).toBeNull();
      }
    }
  });

  it('needs no more than SNIFF_BYTES bytes', () => {
    for (const [kind, header] of HEADERS) expect(sniffKind(new Uint8Array([...header, 0, 0, 0]).subarray(0, SNIFF_BYTES))).toBe(kind);
  });

  it('text, a Word file (a zip) and a Windows program are no kind', () => {
    expect(sniffKind(Buffer.from('Hello, this is text'))).toBeNull();
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))).toBeNull();
    expect(sniffKind(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeNull();
    expect(sniffKind(new Uint8Array())).toBeNull();
  });
});

describe('a file kind by its name', () => {
  it('knows the extensions import takes, in any letter case', () => {
    const cases: Array<[string, ImportKind]> = [
      ['pdf', 'pdf'],
      ['jpg', 'jpeg'],
      ['jpeg', 'jpeg'],
      ['png', 'png'],
      ['tif', 'tiff'],
      ['tiff', 'tiff'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.string({ maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        ([ext, kind], stem, upper) => {
          const cased = [...ext].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
          expect(kindOfName(`${stem}.${cased}`)).toBe(kind);
        },
      ),
    );
  });

  it('anything else, no extension, or a dot only in a folder name is no kind', () => {
    for (const name of [
      'report.docx',
      'setup.exe',
      'scan',
      'scan.pdf.txt',
      'photo.jpg.',
      'archive.tiff/scan',
      'C:\\scans.pdf\\page',
      'pdf',
    ])
      expect(kindOfName(name), name).toBeNull();
  });

  it('looks at the last extension of the file name only', () => {
    expect(kindOfName('scans/2026.12/passport.PDF')).toBe('pdf');
    expect(kindOfName('C:\\Скани\\паспорт.Jpeg')).toBe('jpeg');
    expect(kindOfName('notes.txt.png')).toBe('png');
  });
});
