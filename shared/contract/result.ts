import type { ErrorCode } from './errorCodes';

/** What every service call answers, over every transport. Messages are Chinese and meant for people. */
export interface ServiceError {
  /** Stable code for tests and logs, one of the list in errorCodes.ts. */
  code: ErrorCode;
  /** Chinese, for the user; never a stack trace. */
  message: string;
  /** Which input field the error is about, when it is about one (a dotted path such as 'patents.1.number'). */
  field?: string;
  /** Per-field issues of a refused input, in Chinese. */
  issues?: { field: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ServiceError };
