// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../tests/testing/deskBridge';
import { setUpStore } from '../../tests/testing/tempStore';
import { call } from '../transport/desk';
import { renderOnDesk } from '../testing/dom';
import { useAction } from './useAction';

let store: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => {
  store = await setUpStore('140100');
});
afterEach(() => store.close());

/** A button that adds a user through the desk, as 设置 → 用户 does; `gate` holds the work until the test lets it go. */
function AddUser({ gate, onEnd }: { gate?: Promise<void>; onEnd?: (ok: boolean) => void }) {
  const { run, pending } = useAction();
  const [added, setAdded] = useState(0);
  const add = async () => {
    await gate;
    await call('users.create', {
      username: 'clerk',
      displayName: '录入员小张',
      role: '录入员',
      password: 'clerk-temp-123',
    });
    setAdded((n) => n + 1);
    return '初始密码请当面告知';
  };
  return (
    <>
      <button disabled={pending} onClick={() => void run(add, '已添加').then(onEnd)}>
        {pending ? '添加中' : '添加用户'}
      </button>
      <p>已添加 {added} 个</p>
    </>
  );
}

const users = async () => (await store.call('users.list', {})).map((u) => u.username);

describe('useAction: a button’s work with its pending state and Chinese outcome', () => {
  it('is pending while the work runs, then says it is done and shows the note', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    renderOnDesk(<AddUser gate={gate} />, deskBridgeFor(store.service, store.adminActor));
    fireEvent.click(screen.getByRole('button', { name: '添加用户' }));
    const busy = await screen.findByRole('button', { name: '添加中' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    release();
    expect(await screen.findByText('已添加 1 个')).toBeTruthy();
    expect(await screen.findByText('已添加')).toBeTruthy();
    expect(await screen.findByText('初始密码请当面告知')).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加用户' })).toBeTruthy();
    expect(await users()).toContain('clerk');
  });

  it('a refusal shows the desk’s Chinese reason, no success, and ends not pending', async () => {
    await store.call('users.create', {
      username: 'clerk',
      displayName: '录入员小张',
      role: '录入员',
      password: 'clerk-temp-123',
    });
    const ends: boolean[] = [];
    renderOnDesk(<AddUser onEnd={(ok) => ends.push(ok)} />, deskBridgeFor(store.service, store.adminActor));
    fireEvent.click(screen.getByRole('button', { name: '添加用户' }));
    await waitFor(() => expect(ends).toEqual([false]));
    expect(await screen.findByText('用户名“clerk”已被使用')).toBeTruthy();
    expect(screen.queryByText('已添加')).toBeNull();
    expect(screen.getByText('已添加 0 个')).toBeTruthy();
    expect((screen.getByRole('button', { name: '添加用户' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
