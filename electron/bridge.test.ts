import { describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../shared/contract/index';
import { createBridge } from './bridge';
import { CALL_CHANNEL } from './channels';

describe('the preload bridge', () => {
  it('exposes exactly the methods of the contract, each over the one IPC channel', async () => {
    const sent: unknown[][] = [];
    const bridge = createBridge(async (...args) => {
      sent.push(args);
      return { ok: true, value: null };
    });
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    await bridge['system.status']({});
    expect(sent).toEqual([[CALL_CHANNEL, 'system.status', {}]]);
    const name: MethodName = 'auth.login';
    expect(typeof bridge[name]).toBe('function');
  });
});
