import type { ChildProcess } from 'node:child_process';

/** Kills a running child with SIGKILL as soon as `condition` holds (checked every 5 ms); resolves once it is gone. */
export async function killAsSoonAs(child: ChildProcess, condition: () => boolean): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (!condition()) return;
      clearInterval(timer);
      child.kill('SIGKILL');
      resolve();
    }, 5);
    child.once('exit', () => {
      clearInterval(timer);
      if (!child.killed) reject(new Error('the child finished before it could be killed'));
    });
  });
  await exited;
}

/** The exit code of a child left to run to its end (null when a signal ended it). */
export function exitCodeOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
