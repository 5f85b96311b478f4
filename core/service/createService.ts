import { handlers } from './handlers';
import { createDispatcher, type DeskService, type ServiceConfig } from './dispatcher';
import type { OpenOptions } from '../store/store';
import { openStoreWithBackups, startDailyBackups } from '../backup/lifecycle';
import path from 'node:path';
import packageJson from '../../package.json';

export const APP_VERSION: string = packageJson.version;

/** Opens the store at dbPath and returns the service that implements the whole contract over it. */
export function createService(dbPath: string, config: Partial<ServiceConfig> & { open?: OpenOptions } = {}): DeskService {
  const dataDir = config.dataDir ?? path.dirname(dbPath);
  const now = config.now ?? (() => new Date());
  // A scheduled restore runs first, a copy is taken before migrations, and a daily backup while the store is open.
  const store = openStoreWithBackups(dbPath, dataDir, config.open, now);
  startDailyBackups(store, dataDir, now, config.log);
  return createDispatcher(store, handlers, {
    appVersion: APP_VERSION,
    dataDir,
    ...config,
  });
}
