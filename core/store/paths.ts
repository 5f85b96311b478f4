import os from 'node:os';
import path from 'node:path';

/**
 * The user-data folder, the same one Electron's app.getPath('userData') gives for this app, so the desktop app,
 * browser mode and the CLI share one store by default.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(absoluteEnv('APPDATA') ?? path.join(home, 'AppData', 'Roaming'), 'patent-desk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'patent-desk');
  return path.join(absoluteEnv('XDG_CONFIG_HOME') ?? path.join(home, '.config'), 'patent-desk');
}

/**
 * A folder from the environment, or undefined when it is unset, empty or relative. `XDG_CONFIG_HOME=` (set but empty)
 * would otherwise put the store into whatever folder the command was started in; the XDG specification says to
 * ignore empty and relative values alike.
 */
function absoluteEnv(name: string): string | undefined {
  const value = process.env[name];
  return value && path.isAbsolute(value) ? value : undefined;
}

/** `--db PATH` wins, then PATENT_DESK_DB (when not empty), then the user-data folder. */
export function resolveDbPath(explicit?: string): string {
  return explicit ?? (process.env.PATENT_DESK_DB || undefined) ?? path.join(defaultDataDir(), 'patent-desk.db');
}
