import { DeskError } from '../service/errors';
import { migrate } from '../store/migrate';
import { openStore, type Store } from '../store/store';
import { PROVINCE_VERSION, provinceMigrations } from './migrations';
import { PROVINCE_CODE } from '../../shared/domain/regions';

/**
 * Makes an open store the province's: the city schema and migrations, then the province's own (migrations.ts). Used by the
 * endpoint (province/store.ts) and by every host of the province's workbench (browser mode, the desktop app), so
 * that a store opened either way is the same. The store is closed if it cannot be the province's.
 */
export function asProvinceStore(store: Store): Store {
  // A city's own store must never become a provincial one (its per-installation uniqueness would be dropped).
  const region = installationRegionOf(store);
  if (region !== undefined && region !== PROVINCE_CODE) {
    store.close();
    throw new DeskError(
      'NOT_A_PROVINCE_STORE',
      `${store.path} 是地区 ${region} 的本机数据库，不能用作省级数据库；请用 --db 指定省级数据库文件`,
    );
  }
  try {
    migrate(store.db, provinceMigrations, PROVINCE_VERSION);
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/** Opens (or creates) a provincial store: the city schema and migrations, then the province's own migrations. */
export function openProvinceStore(file: string, options: { mustExist?: boolean } = {}): Store {
  return asProvinceStore(openStore(file, options));
}

export function installationRegionOf(store: Store): string | undefined {
  return store.db.prepare('SELECT region_code FROM installation LIMIT 1').pluck().get() as string | undefined;
}
