import path from 'node:path';
import { runCli } from './runCli';
import { tempDir } from './tempStore';

/** A new store in a temp folder set up by `patent-desk init` for `regionCode` (administrator admin), and what init said. */
export function initStoreByCli(regionCode: string) {
  const { dir, cleanup } = tempDir();
  const db = path.join(dir, 'desk.db');
  const init = runCli(['--db', db, 'init', '--region', regionCode, '--admin', 'admin'], {
    PATENT_DESK_PASSWORD: 'admin-pass-1',
  });
  return { dir, db, cleanup, init };
}
