import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { DeskBridge } from '../../shared/contract/bridge';
import { DeskProviders } from '../app/DeskProviders';

// What antd and the forms ask of a browser that jsdom does not have: media queries (responsive grid), size observers,
// and scrolling an element into view (a refused form scrolls to its first message).
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

afterEach(() => {
  cleanup();
  delete window.desk;
});

/** Renders a screen inside the desk's providers, talking to `desk` (a real core through tests/testing/deskBridge). */
export function renderOnDesk(ui: ReactNode, desk?: DeskBridge) {
  if (desk) window.desk = desk;
  return render(<DeskProviders>{ui}</DeskProviders>);
}
