// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderOnDesk } from '../testing/dom';
import { ErrorBoundary } from './ErrorBoundary';

let broken = true;
function Page() {
  if (broken) throw new Error('无法读取合同日期');
  return <p>交易列表</p>;
}

// React reports a caught render error on the console as well; the test reads the screen instead.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('ErrorBoundary: a page that fails while drawing', () => {
  it('shows a Chinese explanation with the reason instead of a blank window, and 重试 draws it again', () => {
    broken = true;
    renderOnDesk(
      <ErrorBoundary resetKey="/filings">
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.getByText('这个页面出错了')).toBeTruthy();
    expect(screen.getByText('无法读取合同日期')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(screen.getByText('交易列表')).toBeTruthy();
  });

  it('opening another page tries afresh', () => {
    broken = true;
    const view = renderOnDesk(
      <ErrorBoundary resetKey="/filings">
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.getByText('这个页面出错了')).toBeTruthy();
    broken = false;
    view.rerender(
      <ErrorBoundary resetKey="/review">
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.getByText('交易列表')).toBeTruthy();
  });
});
