import type { ErrorCode } from '../../shared/contract/errorCodes';
import type { ServiceError } from '../../shared/contract/result';

/** An error meant for the user: a stable code and a Chinese message. Anything else thrown is an internal fault. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ServiceError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'DeskError';
  }

  toServiceError(): ServiceError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what: string) => new DeskError('NOT_FOUND', `找不到${what}，可能已被作废或编号有误`);
export const invalid = (message: string, field?: string) =>
  new DeskError('VALIDATION', message, field ? { field, issues: [{ field, message }] } : {});

/** Error codes of a write that found no room: SQLite's own, and the system's for files (EDQUOT: a user's quota). */
const NO_SPACE = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

export function isDiskFull(error: unknown): boolean {
  return NO_SPACE.has((error as { code?: unknown } | null)?.code as string);
}

/**
 * A full disk is said in Chinese wherever it surfaces (a contract call, an import job, a CLI command), never as an
 * internal fault with a stack trace. SQLite rolls the transaction back and a file write is never renamed into place,
 * so nothing was written.
 */
export function diskFullError(): DeskError {
  return new DeskError('DISK_FULL', '磁盘空间已满，本次操作未保存。请清理磁盘空间后重试，已保存的数据不受影响。');
}
