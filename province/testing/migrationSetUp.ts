import { afterAll, beforeAll } from 'vitest';
import { startPostgres } from '../../tests/testing/postgres';
import { tempDir } from '../../tests/testing/tempStore';
import { sqliteProvinceWithHistory } from './sqliteProvinceWithHistory';

interface MigrationSetUp {
  cluster: Awaited<ReturnType<typeof startPostgres>>;
  folder: ReturnType<typeof tempDir>;
  history: Awaited<ReturnType<typeof sqliteProvinceWithHistory>>;
}

/**
 * For one test file of the migration: a throw-away PostgreSQL cluster and a SQLite province store with `deals` of
 * 太原's deals in its history, made once before the file's tests (the fields are filled then) and removed after them.
 */
export function migrationSetUp(deals: number): MigrationSetUp {
  const setUp = {} as MigrationSetUp;
  beforeAll(async () => {
    setUp.folder = tempDir('migrate-from-sqlite-');
    setUp.cluster = await startPostgres();
    setUp.history = await sqliteProvinceWithHistory(setUp.folder.dir, deals);
  }, 180_000);
  afterAll(async () => {
    setUp.history?.close();
    await setUp.cluster?.stop();
    setUp.folder?.cleanup();
  });
  return setUp;
}
