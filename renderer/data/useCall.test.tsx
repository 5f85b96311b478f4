// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../tests/testing/deskBridge';
import { setUpStore } from '../../tests/testing/tempStore';
import { renderOnDesk } from '../testing/dom';
import { call } from '../transport/desk';
import { useCall } from './useCall';

let store: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => {
  store = await setUpStore('140100');
});
afterEach(() => store.close());

function SheetTitle({ region }: { region: string }) {
  const { value, error, loading } = useCall('indicators.evaluation', { region, year: 2023 });
  if (error) return <p role="alert">{error}</p>;
  return <p>{loading ? '计算中' : `评价表：${value!.regionName}`}</p>;
}

function UserCount() {
  const { value, reload } = useCall('users.list', {});
  return (
    <>
      <p>{value ? `用户 ${value.length} 个` : '读取中'}</p>
      <button onClick={reload}>刷新</button>
    </>
  );
}

/** Adds a user and shows a list it made itself, as a save shows the view it hands back: no second read (which would say clerk). */
function UsersAfterAdd() {
  const { value, replace } = useCall('users.list', {});
  const add = async () => {
    await call('users.create', {
      username: 'clerk',
      displayName: '录入员小张',
      role: '录入员',
      password: 'clerk-temp-123',
    });
    replace([...(value ?? []), { ...value![0]!, id: 'shown', username: '保存所答' }]);
  };
  return (
    <>
      <p>{value ? value.map((u) => u.username).join('、') : '读取中'}</p>
      <button onClick={() => void add()}>添加</button>
    </>
  );
}

describe('useCall: a screen reads the desk through one contract method', () => {
  it('shows the answer, and asks again when its input changes', async () => {
    const view = renderOnDesk(<SheetTitle region="140100" />, deskBridgeFor(store.service, store.adminActor));
    expect(await screen.findByText('评价表：太原市')).toBeTruthy();
    view.rerender(<SheetTitle region="140200" />);
    expect(await screen.findByText('评价表：大同市')).toBeTruthy();
  });

  it('a refused question gives its Chinese reason, not a value', async () => {
    renderOnDesk(<SheetTitle region="999999" />, deskBridgeFor(store.service, store.adminActor));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fa5]/);
    expect(screen.queryByText(/评价表：/)).toBeNull();
  });

  it('reload asks the same question again and shows what changed meanwhile', async () => {
    renderOnDesk(<UserCount />, deskBridgeFor(store.service, store.adminActor));
    expect(await screen.findByText('用户 1 个')).toBeTruthy();
    await store.call('users.create', {
      username: 'clerk',
      displayName: '录入员小张',
      role: '录入员',
      password: 'clerk-temp-123',
    });
    expect(screen.getByText('用户 1 个')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    await waitFor(() => expect(screen.getByText('用户 2 个')).toBeTruthy());
  });

  it('replace shows an answer the screen already holds as the current one', async () => {
    renderOnDesk(<UsersAfterAdd />, deskBridgeFor(store.service, store.adminActor));
    expect(await screen.findByText('admin')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect(await screen.findByText('admin、保存所答')).toBeTruthy();
  });
});
