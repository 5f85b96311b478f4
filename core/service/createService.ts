import { handlers } from './handlers';
import { createDispatcher, type DeskService, type ServiceConfig } from './dispatcher';
import type { OpenOptions } from '../store/store';
import { openStoreWithBackups, startDailyBackups } from '../backup/lifecycle';
import path from 'node:path';
import { fileKeyVault, keyFilePath } from '../sync/keyVault';
import packageJson from '../../package.json';
import { PROVINCE_CODE } from '../../shared/domain/regions';
import { asProvinceStore, installationRegionOf } from '../province/provinceStore';

export const APP_VERSION: string = packageJson.version;

/**
 * Opens the store at dbPath and returns the service that implements the whole contract over it. `province`: the store
 * is the province's workbench (`patent-desk province web`): set up for 140000 only, refused if a city's. A store set
 * up for 140000 is the province's whichever way it is opened (the desktop app included).
 */
export function createService(
  dbPath: string,
  config: Partial<ServiceConfig> & { open?: OpenOptions; province?: boolean } = {},
): DeskService {
  const dataDir = config.dataDir ?? path.dirname(dbPath);
  const now = config.now ?? (() => new Date());
  // A scheduled restore runs first, a copy is taken before migrations, and a daily backup while the store is open.
  const store = openStoreWithBackups(dbPath, dataDir, config.open, now);
  if (config.province || installationRegionOf(store) === PROVINCE_CODE) asProvinceStore(store);
  startDailyBackups(store, dataDir, now, config.log);
  return createDispatcher(store, handlers, {
    appVersion: APP_VERSION,
    dataDir,
    keyVault: fileKeyVault(keyFilePath(dbPath)),
    ...(config.province ? { setupRegion: PROVINCE_CODE } : {}),
    ...config,
  });
}
