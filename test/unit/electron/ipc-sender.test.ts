import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/electron/ipc-sender';

const trustedIds = new Set([7]);

describe('isTrustedSender', () => {
  it('trusts the app page in a window main created', () => {
    expect(isTrustedSender({ senderFrameUrl: 'app://vikno/index.html', senderId: 7, trustedIds })).toBe(true);
  });

  it('does not trust another webContents, even on the app origin', () => {
    expect(isTrustedSender({ senderFrameUrl: 'app://vikno/index.html', senderId: 8, trustedIds })).toBe(false);
  });

  it.each([
    ['a destroyed frame', null],
    ['no frame', undefined],
    ['an empty url', ''],
    ['a look-alike host', 'app://vikno.evil/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['a port', 'app://vikno:1/index.html'],
    ['credentials', 'app://x@vikno/index.html'],
    ['https', 'https://vikno/index.html'],
    ['file', 'file:///C:/vikno/index.html'],
    ['about:blank', 'about:blank'],
    ['data', 'data:text/html,hi'],
  ])('does not trust our window when it shows %s', (_name, senderFrameUrl) => {
    expect(isTrustedSender({ senderFrameUrl, senderId: 7, trustedIds })).toBe(false);
  });
});
