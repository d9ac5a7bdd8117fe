import { describe, expect, it } from 'vitest';
import { isIgnoredName } from '../../../main/backend/documents/hot-folder';

describe('which names in the hot folder are not taken', () => {
  it('hidden, temporary, partial and office lock files, and refused/', () => {
    for (const name of [
      '.DS_Store',
      '.vikno-taking',
      '.~lock.scan.pdf#',
      '~$report.docx',
      'scan.tmp',
      'SCAN.TMP',
      'scan.temp',
      'scan.pdf.part',
      'scan.pdf.partial',
      'scan.pdf.crdownload',
      'scan.pdf.download',
      'scan.pdf~',
      'refused',
    ])
      expect(isIgnoredName(name), name).toBe(true);
  });

  it('documents, whatever their name looks like otherwise', () => {
    for (const name of ['scan.pdf', 'Скан 2026-12-03.JPG', 'page~1.tif', 'tmp.pdf', 'partial-scan.png', 'refused.pdf', 'scan-0001'])
      expect(isIgnoredName(name), name).toBe(false);
  });
});
