import type { DeskBridge } from '../../shared/contract/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index';
import type { Result, ServiceError } from '../../shared/contract/result';
import { callOverHttp } from './http';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in browser mode. */
    desk?: DeskBridge;
  }
}

/** A refused call: carries the service's code, Chinese message and per-field issues. */
export class DeskCallError extends Error {
  constructor(readonly error: ServiceError) {
    super(error.message);
  }
}

/** The only thing that varies between the desktop app and browser mode is how a call travels. */
function send<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
  const bridge = window.desk;
  if (bridge) return (bridge[method] as (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>>)(input);
  return callOverHttp(method, input);
}

let signedOutListener: ((message: string) => void) | null = null;

/** The app learns here that the session ended under it (idle too long, core restarted), to go back to login. */
export function whenSignedOut(listener: (message: string) => void): () => void {
  signedOutListener = listener;
  return () => {
    if (signedOutListener === listener) signedOutListener = null;
  };
}

/** Calls one service method; resolves with its value or rejects with a DeskCallError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const result = await send(method, input);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') signedOutListener?.(result.error.message);
    throw new DeskCallError(result.error);
  }
  return result.value;
}

export const isDesktop = () => window.desk !== undefined;
