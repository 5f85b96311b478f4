import path from 'node:path';
import { afterAll } from 'vitest';
import { createDatabase, startPostgres } from '../../tests/testing/postgres';
import { tempDir } from '../../tests/testing/tempStore';
import { openProvinceDb, type ProvinceLocation } from '../../core/province/store/openProvinceDb';
import type { ProvinceDb } from '../../core/province/store/provinceDb';
import { type EndpointOptions, type ProvinceEndpoint, startProvinceEndpoint } from './testProvince';

/** The province suite runs on both stores (`describe.each(PROVINCE_BACKENDS)`). */
export const PROVINCE_BACKENDS = ['sqlite', 'postgres'] as const;
export type ProvinceBackend = (typeof PROVINCE_BACKENDS)[number];

/**
 * Fresh province stores for one test file: a SQLite file in a temp folder, or a new database on a throw-away
 * PostgreSQL cluster started on first need and stopped (with the temp folders) after the file's tests.
 */
export function provinceStores() {
  let cluster: ReturnType<typeof startPostgres> | undefined;
  let databases = 0;
  const folders: (() => void)[] = [];
  afterAll(async () => {
    for (const cleanup of folders) cleanup();
    if (cluster) await (await cluster).stop();
  });

  async function location(backend: ProvinceBackend): Promise<ProvinceLocation> {
    if (backend === 'sqlite') {
      const t = tempDir('province-');
      folders.push(t.cleanup);
      return { file: path.join(t.dir, 'province.db') };
    }
    cluster ??= startPostgres();
    return { databaseUrl: await createDatabase((await cluster).url, `province_${++databases}`) };
  }
  const open = async (backend: ProvinceBackend) => openProvinceDb(await location(backend));

  return {
    location,
    open,
    /** The endpoint on a fresh store of that backend, and where that store is (for the CLI). */
    endpoint: async (
      backend: ProvinceBackend,
      options?: EndpointOptions,
    ): Promise<ProvinceEndpoint & { location: ProvinceLocation }> => {
      const at = await location(backend);
      return { ...(await startProvinceEndpoint(await openProvinceDb(at), options)), location: at };
    },
  };
}

/** How many rows a province table holds, on either backend. */
export async function countRows(db: ProvinceDb, table: string): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
}

/** A `patent-desk province <command>` on the store at `location`: --db before the command, --database-url after it. */
export function provinceCommand(location: ProvinceLocation, ...command: string[]): string[] {
  return 'file' in location
    ? ['--db', location.file, 'province', ...command]
    : ['province', ...command, '--database-url', location.databaseUrl];
}
