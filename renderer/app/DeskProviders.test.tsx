// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { Button } from 'antd';
import { describe, expect, it } from 'vitest';
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
