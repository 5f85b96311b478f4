import os from 'node:os';
import path from 'node:path';

/**
 * The user-data folder, the same one Electron's app.getPath('userData') gives for this app, so the desktop app,
 * browser mode and the CLI share one store by default.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'patent-desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'patent-desk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'patent-desk');
}

/** `--db PATH` wins, then PATENT_DESK_DB, then the user-data folder. */
export function resolveDbPath(explicit?: string): string {
  return explicit ?? process.env.PATENT_DESK_DB ?? path.join(defaultDataDir(), 'patent-desk.db');
}
