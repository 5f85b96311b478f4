import { describe, expect, it } from 'vitest';
import { isAppUrl } from './origin';

describe('our own pages', () => {
  it.each(['app://desk/index.html', 'app://desk/', 'app://desk', 'app://desk/#/filings?x=1'])('%s is ours', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://desk.x/index.html',
    'app://deskx/',
    'app://desk:8080/index.html',
    'app://desk@evil/index.html',
    'app://user:pw@desk/index.html',
    'https://desk/index.html',
    'file:///opt/desk/renderer/index.html',
    'app:desk/index.html',
    'not a url',
    '',
    undefined,
  ])('%s is not ours', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
