import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../tests/testing/runCli';
import { tempDir } from '../../tests/testing/tempStore';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe.runIf(process.platform === 'linux')('the default store folder on Linux', () => {
  it('takes an empty or relative XDG_CONFIG_HOME as unset: init writes into ~/.config, never the current folder', () => {
    for (const xdg of ['', 'relative/config']) {
      const home = tempDir('desk-home-');
      const cwd = tempDir('desk-cwd-');
      cleanups.push(home.cleanup, cwd.cleanup);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOME: home.dir,
        XDG_CONFIG_HOME: xdg,
        PATENT_DESK_PASSWORD: 'admin-pass-1',
      };
      delete env.PATENT_DESK_DB;
      const init = spawnSync(
        process.execPath,
        [path.join(ROOT, 'bin', 'patent-desk.mjs'), 'init', '--region', '140100', '--admin', 'admin'],
        {
          cwd: cwd.dir,
          env,
          encoding: 'utf8',
        },
      );
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      expect(fs.existsSync(path.join(home.dir, '.config', 'patent-desk', 'patent-desk.db'))).toBe(true);
      expect(fs.readdirSync(cwd.dir)).toEqual([]);
    }
  });
});
