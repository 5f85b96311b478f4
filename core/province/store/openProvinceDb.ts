import { openProvinceStore } from '../provinceStore';
import { openPostgresProvinceDb } from './postgresProvinceDb';
import type { ProvinceDb } from './provinceDb';
import { sqliteProvinceDb } from './sqliteProvinceDb';

/**
 * Where the province's store is: a SQLite file (the default) or a PostgreSQL database in a data centre. `mustExist`:
 * a command that only reads refuses a store that is not there yet rather than creating an empty one.
 */
export type ProvinceLocation = { file: string; mustExist?: boolean } | { databaseUrl: string; mustExist?: boolean };

/** The environment variable a data centre sets instead of passing --database-url (keeps the password off the command line). */
export const PROVINCE_URL_ENV = 'PATENT_DESK_PROVINCE_URL';

/** The store, chosen at start; `close` ends it (the SQLite file, or the PostgreSQL pool). */
export async function openProvinceDb(location: ProvinceLocation): Promise<ProvinceDb> {
  if ('databaseUrl' in location) return openPostgresProvinceDb(location.databaseUrl, { mustExist: location.mustExist });
  const store = openProvinceStore(location.file, { mustExist: location.mustExist });
  const db = sqliteProvinceDb(store);
  return {
    ...db,
    close: async () => {
      await db.close();
      store.close();
    },
  };
}

/** A database URL as it may be logged: the password is never shown. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '（无法识别的数据库地址）';
  }
}
