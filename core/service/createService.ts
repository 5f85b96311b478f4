import { handlers } from './handlers';
import { createDispatcher, type DeskService, type ServiceConfig } from './dispatcher';
import { openStore, type OpenOptions } from '../store/store';
import path from 'node:path';
import packageJson from '../../package.json';

export const APP_VERSION: string = packageJson.version;

/** Opens the store at dbPath and returns the service that implements the whole contract over it. */
export function createService(dbPath: string, config: Partial<ServiceConfig> & { open?: OpenOptions } = {}): DeskService {
  const store = openStore(dbPath, config.open);
  return createDispatcher(store, handlers, {
    appVersion: APP_VERSION,
    dataDir: config.dataDir ?? path.dirname(dbPath),
    ...config,
  });
}
