import type { DeskBridge } from '../shared/contract/bridge';
import { CALL_CHANNEL } from './channels';
import { methodNames } from './methodNames';

/** Builds `window.desk`: one named method per contract method, each sent over the single IPC channel. */
export function createBridge(
  invoke: (channel: string, method: string, input: unknown) => Promise<unknown>,
): DeskBridge {
  return Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => invoke(CALL_CHANNEL, name, input)]),
  ) as DeskBridge;
}
