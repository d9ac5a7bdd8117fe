import { describe, expect, it } from 'vitest';
import { shouldBlockNavigation, windowOpenDecision } from '../../../main/electron/navigation';

describe('shouldBlockNavigation', () => {
  it('allows only the shell itself, so a reload works', () => {
    expect(shouldBlockNavigation('app://vikno/index.html')).toBe(false);
    expect(shouldBlockNavigation('app://vikno/index.html#/queue')).toBe(false);
  });

  it.each([
    'app://vikno/',
    'app://vikno/other.html',
    'app://vikno/assets/app.js',
    'app://vikno.evil/index.html',
    'app://evil/index.html',
    'app://vikno:8080/index.html',
    'app://user@vikno/index.html',
    'https://vikno/index.html',
    'https://example.com/',
    'http://127.0.0.1:5710/',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('blocks %s', (url) => {
    expect(shouldBlockNavigation(url)).toBe(true);
  });
});

describe('windowOpenDecision', () => {
  it('opens a viewer only for a receipt PDF the shell itself made', () => {
    expect(windowOpenDecision('blob:app://vikno/1f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b')).toEqual({
      action: 'allow',
      window: 'receipt-viewer',
    });
    for (const url of [
      'blob:app://vikno.evil/1f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      'blob:https://evil.example/1f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      'blob:app://vikno/1f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b/../x',
      'blob:null/1f0c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    ]) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
    }
  });

  it('opens no other Electron window, but hands https links to the state’s sites to the browser', () => {
    for (const url of ['https://diia.gov.ua/', 'https://zakon.rada.gov.ua/laws/show/5203-17', 'https://gov.ua/'])
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternally: true });
  });

  it('opens no link to another site, a look-alike of the state’s included', () => {
    for (const url of ['https://example.com/', 'https://diia.gov.ua.example.com/', 'https://notgov.ua/', 'https://gov.ua.evil.io/'])
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternally: false });
  });

  it.each([
    'http://diia.gov.ua/',
    'https://user:pass@evil.example/',
    'https://diia.gov.ua@evil.example/',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'app://vikno/index.html',
    'ms-settings:privacy',
    'vbscript:msgbox',
    'smb://server/share',
    'mailto:a@b.c',
    'not a url',
  ])('denies %s without opening it anywhere', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });
});
