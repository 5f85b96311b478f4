// The messages between the main process and the core's utility process (coreHost.ts), typed on both ends so that a
// change to one side is a compile error on the other. Type-only: neither side bundles anything from here.
import type { Result } from '../shared/contract/result';
import type { SealReply, SealRequest } from './keySealing';

/** A contract call from a window, answered by id. */
export interface CallRequest {
  id: number;
  method: string;
  input: unknown;
  sessionKey: string;
}

/** A `.pdbatch` file opened with the desk: the core reads it and answers a BatchFileVerdict for a dialog. */
export interface BatchFileRequest {
  id: number;
  batchFile: string;
}

/** The answer to either request; a BatchFileRequest's value is a BatchFileVerdict. */
export interface CallReply {
  id: number;
  result: Result<unknown>;
}

/** What the main process posts to the core. */
export type ToCore = CallRequest | BatchFileRequest | SealReply;
/** What the core posts to the main process. */
export type FromCore = CallReply | SealRequest;
