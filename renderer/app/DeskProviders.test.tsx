// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { Button, Modal } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { renderOnDesk } from '../testing/dom';
import { DeskProviders } from './DeskProviders';

const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('buttons of the desk', () => {
  // jsdom never ends an animation: antd's own spinner, which leaves with one, would stay here as it did in Chromium.
  it('a button whose work ended is named by its text alone, with no spinner left behind', async () => {
    const view = renderOnDesk(<Button loading={false}>登记</Button>);
    view.rerender(
      <DeskProviders>
        <Button loading>登记</Button>
      </DeskProviders>,
    );
    await pause();
    expect(screen.getByRole('button', { name: /正在处理/ })).toBeTruthy();
    view.rerender(
      <DeskProviders>
        <Button loading={false}>登记</Button>
      </DeskProviders>,
    );
    await pause();
    expect(screen.getByRole('button', { name: '登记' })).toBeTruthy();
  });
});

describe('motion on the desk', () => {
  afterEach(() => Reflect.deleteProperty(window, 'matchMedia'));

  /** Opens a dialog on a system that asks for less motion (or not), as the browser's matchMedia reports it. */
  async function openDialog(systemAsksForLessMotion: boolean) {
    window.matchMedia = ((query: string) => ({
      matches: systemAsksForLessMotion && query === '(prefers-reduced-motion: reduce)',
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    })) as unknown as typeof window.matchMedia;
    render(
      <DeskProviders>
        <Modal open title="确认作废">
          作废后不可恢复
        </Modal>
      </DeskProviders>,
    );
    await pause();
    expect(screen.getByText('作废后不可恢复')).toBeTruthy();
    return { zooming: document.body.querySelector('.ant-modal.ant-zoom') };
  }

  it('opens a dialog without its zoom when the system asks for less motion', async () => {
    expect((await openDialog(true)).zooming).toBeNull();
  });

  it('keeps the zoom otherwise', async () => {
    expect((await openDialog(false)).zooming).not.toBeNull();
  });
});
