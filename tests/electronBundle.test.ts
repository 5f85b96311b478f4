import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { methodNames } from '../shared/contract/index';
import { ROOT } from './testing/runCli';
import { tempDir } from './testing/tempStore';

// The shell as `npm run build:electron` bundles it: the preload and the main process carry the contract's method
// names, not the contract (zod and every schema made each of them about 830 KB).
describe('the desktop shell bundle', () => {
  const out = tempDir('desk-electron-');
  afterAll(out.cleanup);
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs'), out.dir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const bundle = (name: string) => fs.readFileSync(path.join(out.dir, `${name}.cjs`), 'utf8');

  it('gives the preload every method of the contract, by name only', () => {
    const preload = bundle('preload');
    for (const name of methodNames) expect(preload).toContain(JSON.stringify(name));
    expect(preload).not.toContain('zod');
    expect(Buffer.byteLength(preload)).toBeLessThan(20_000);
  });

  it('keeps the contract out of the main process', () => {
    const main = bundle('main');
    expect(main).not.toContain('zod');
    expect(Buffer.byteLength(main)).toBeLessThan(60_000);
  });
});
