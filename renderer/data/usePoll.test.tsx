// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../tests/testing/deskBridge';
import { setUpStore } from '../../tests/testing/tempStore';
import { call } from '../transport/desk';
import { renderOnDesk } from '../testing/dom';
import { usePoll } from './usePoll';

let store: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => {
  store = await setUpStore('140100');
});
afterEach(() => store.close());

const EVERY_MS = 20;
const settle = () => new Promise((resolve) => setTimeout(resolve, EVERY_MS * 10));

/** Follows the desk until `until` answers have come, then stops (as a screen stops when an import ends). */
function Follower({ until, method = 'system.status' }: { until: number; method?: 'system.status' | 'users.list' }) {
  const [answers, setAnswers] = useState(0);
  usePoll(
    async () => {
      await call(method, {});
      setAnswers((n) => n + 1);
    },
    EVERY_MS,
    answers < until,
  );
  return <p>已问 {answers} 次</p>;
}

describe('usePoll: following work that runs in core', () => {
  it('asks again and again while active, and not once more after', async () => {
    renderOnDesk(<Follower until={3} />, deskBridgeFor(store.service, store.adminActor));
    expect(await screen.findByText('已问 3 次')).toBeTruthy();
    await settle();
    expect(screen.getByText('已问 3 次')).toBeTruthy();
  });

  it('a refused tick stops the following and says why in Chinese', async () => {
    // A 录入员 may not list users: the first tick is refused.
    const clerk = await store.call('users.create', {
      username: 'clerk',
      displayName: '录入员小张',
      role: '录入员',
      password: 'clerk-temp-123',
    });
    renderOnDesk(
      <Follower until={3} method="users.list" />,
      deskBridgeFor(store.service, { id: clerk.id, name: '录入员小张', role: '录入员' }),
    );
    await waitFor(() => expect(document.body.textContent).toContain('当前角色（录入员）无权进行此操作'));
    await settle();
    expect(screen.getByText('已问 0 次')).toBeTruthy();
  });

  it('stops when the screen closes', async () => {
    const desk = deskBridgeFor(store.service, store.adminActor);
    let asked = 0;
    const counting = {
      ...desk,
      'system.status': (input: Record<string, never>) => (asked++, desk['system.status'](input)),
    };
    const view = renderOnDesk(<Follower until={1_000} />, counting);
    expect(await screen.findByText('已问 2 次')).toBeTruthy();
    view.unmount();
    const atClose = asked;
    await settle();
    expect(asked).toBe(atClose);
  });
});
