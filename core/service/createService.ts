import { handlers } from './handlers';
import {
  createDispatcher,
  createProvinceDispatcher,
  type DeskService,
  type Service,
  type ServiceConfig,
} from './dispatcher';
import { DeskError } from './errors';
import { openPostgresProvinceDb } from '../province/store/postgresProvinceDb';
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

/** What the province's PostgreSQL database has none of: the files a desk keeps beside its SQLite store. */
function noDeskFiles(): never {
  throw new DeskError(
    'NOT_ON_POSTGRES',
    '省级数据库在 PostgreSQL 服务器上：备份与恢复由数据中心用 pg_dump 进行，本页不提供；本机也不保存附件或签名密钥',
  );
}

/**
 * The province's workbench over its PostgreSQL database in a data centre (`patent-desk province web --database-url`):
 * the same handlers through the province's store interface; set up for 140000 only. `close` ends the pool.
 */
export async function createProvinceService(
  databaseUrl: string,
  config: Partial<Pick<ServiceConfig, 'now' | 'log' | 'checkOutputs'>> = {},
): Promise<{ service: Service; close: () => Promise<void> }> {
  const db = await openPostgresProvinceDb(databaseUrl);
  const service = createProvinceDispatcher(db, handlers, {
    appVersion: APP_VERSION,
    setupRegion: PROVINCE_CODE,
    get dataDir(): string {
      return noDeskFiles();
    },
    get keyVault(): never {
      return noDeskFiles();
    },
    ...config,
  });
  return { service, close: () => db.close() };
}
