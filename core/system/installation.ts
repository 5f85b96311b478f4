import type { ReadHandle } from '../store/store';
import type { ProvinceSql } from '../province/store/provinceDb';

export interface Installation {
  id: string;
  regionCode: string;
  createdAt: string;
}

// Aliases quoted: PostgreSQL folds unquoted names to lower case.
const INSTALLATION_SQL = 'SELECT id, region_code AS "regionCode", created_at AS "createdAt" FROM installation LIMIT 1';

export function readInstallation(db: ReadHandle): Installation | null {
  return (db.prepare(INSTALLATION_SQL).get() as Installation | undefined) ?? null;
}

/** The same through the store interface, on either backend (the service's own checks, the province's workbench). */
export async function readInstallationOn(db: ProvinceSql): Promise<Installation | null> {
  return (await db.get<Installation>(INSTALLATION_SQL)) ?? null;
}
