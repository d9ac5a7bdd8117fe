import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../../shared/csp';
import { safeAssetPath } from '../../../shared/safe-asset-path';

describe('safeAssetPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/./assets//x.css', 'assets/x.css'],
    ['/assets/%D0%BB%D0%BE%D0%B3%D0%BE.svg', 'assets/лого.svg'],
  ])('%s → %s', (input, expected) => {
    expect(safeAssetPath(input)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/..%2f..%2fsecret',
    '/..\\..\\windows\\win.ini',
    '/%5c..%5csecret',
    '/C:/Windows/win.ini',
    '/assets/c:%5cboot.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (input) => {
    expect(safeAssetPath(input)).toBeNull();
  });
});

describe('buildCsp', () => {
  const csp = buildCsp({ connectSrc: [] });
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('denies by default and allows only our own scripts, no inline code, no eval', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });

  it('allows no connections unless named', () => {
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(buildCsp({ connectSrc: ['ws://127.0.0.1:5710/rpc'] })).toContain('connect-src ws://127.0.0.1:5710/rpc;');
  });
});
