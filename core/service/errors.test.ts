import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/contract/errorCodes';
import { DeskError } from './errors';

// The union itself is checked by the typecheck (npm run typecheck compiles this file): DeskError takes only an
// ErrorCode, so every code thrown anywhere in core is one of the list in shared/contract/errorCodes.ts.
describe('error codes', () => {
  it('DeskError refuses a code that is not in the one list', () => {
    // @ts-expect-error — a made-up code must not compile; add a new code to shared/contract/errorCodes.ts first.
    const unlisted = new DeskError('NO_SUCH_CODE', '不存在的错误');
    expect(unlisted.toServiceError().code).toBe('NO_SUCH_CODE');
  });

  it('a service error carries its listed code and Chinese message', () => {
    const code: ErrorCode = 'WRONG_INSTALLATION';
    expect(new DeskError(code, '本机不提供此功能').toServiceError()).toEqual({ code, message: '本机不提供此功能' });
  });
});
