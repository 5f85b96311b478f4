import type { ServiceError } from '../../shared/contract/result';

/** An error meant for the user: a stable code and a Chinese message. Anything else thrown is an internal fault. */
export class DeskError extends Error {
  constructor(
    readonly code: string,
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
