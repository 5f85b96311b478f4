import { describe, expect, it } from 'vitest';
import { currentProgress, isRunning, untilIdle, withProgress } from './progress';

describe('one sync per store', () => {
  it('lets 立即同步 wait for the background run to end instead of refusing, whether that run succeeds or fails', async () => {
    const store = '/stores/taiyuan.db';
    let finish!: () => void;
    const background = withProgress(store, (report) => {
      report({ done: 3, total: 10, phase: '正在发送第 1 批' });
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect(currentProgress(store)).toEqual({ done: 3, total: 10, phase: '正在发送第 1 批' });

    let waited = false;
    const click = untilIdle(store).then(() => (waited = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(waited).toBe(false);
    finish();
    await click;
    expect(isRunning(store)).toBe(false);
    await background;

    const failing = withProgress(store, () => Promise.reject(new Error('省级接口暂时出错')));
    await untilIdle(store);
    expect(isRunning(store)).toBe(false);
    await expect(failing).rejects.toThrow('省级接口暂时出错');
  });
});
