import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../core/store/store';
import { tempDir } from '../tests/testing/tempStore';
import { provinceMigrations } from '../core/province/migrations';
import { openProvinceStore } from '../core/province/provinceStore';

let cleanup = () => {};
afterEach(() => cleanup());

function storeFile(): string {
  const t = tempDir('province-store-');
  cleanup = t.cleanup;
  return path.join(t.dir, 'province.db');
}

const indexes = (db: Database.Database) =>
  db
    .prepare(
      "SELECT name, \"unique\" AS isUnique FROM pragma_index_list('deals') WHERE name IN ('deals_contract', 'province_deals_contract')",
    )
    .all();
const provinceVersion = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version FROM province_schema_version').pluck().get();
  } finally {
    db.close();
  }
};

describe('the provincial store’s own migrations', () => {
  it('gives a store at the old province version (city schema only) the province-wide indexes, once, and records it', () => {
    const file = storeFile();
    // The city schema at its latest version, as a province store of before its indexes were versioned could be.
    const old = openStore(file);
    expect(indexes(old.db)).toEqual([{ name: 'deals_contract', isUnique: 1 }]);
    old.close();

    const province = openProvinceStore(file);
    expect(indexes(province.db)).toEqual([{ name: 'province_deals_contract', isUnique: 0 }]);
    const names = province.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'province_%'")
      .pluck()
      .all();
    expect(names).toEqual(
      expect.arrayContaining([
        'province_pledges_registration',
        'province_product_registrations_no',
        'province_subsidies_no',
        'province_enterprise_figures_org_year',
      ]),
    );
    province.close();
    expect(provinceVersion(file)).toBe(provinceMigrations.at(-1)!.version);

    openProvinceStore(file).close();
    expect(provinceVersion(file)).toBe(provinceMigrations.at(-1)!.version);
  });

  it('refuses, in Chinese, a provincial store from a newer release and leaves it as it was', () => {
    const file = storeFile();
    openProvinceStore(file).close();
    const db = new Database(file);
    db.prepare('UPDATE province_schema_version SET version = 99').run();
    db.close();
    expect(() => openProvinceStore(file)).toThrow(/数据库由更新版本的专利转化工作台创建（结构版本 99/);
    expect(provinceVersion(file)).toBe(99);
  });
});
