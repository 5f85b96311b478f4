import type { Actor } from '../../core/service/context';
import type { DeskService } from '../../core/service/dispatcher';
import type { DeskBridge } from '../../shared/contract/bridge';
import { methodNames } from '../../shared/contract/index';

/**
 * `window.desk` as the desktop app's preload gives it, answered by a real core on a real store, as `actor`: renderer
 * unit tests run screens against the same service the app uses.
 */
export function deskBridgeFor(service: DeskService, actor: Actor): DeskBridge {
  return Object.fromEntries(
    methodNames.map((method) => [method, (input: unknown) => service.call(method, input as never, { actor })]),
  ) as DeskBridge;
}
