/**
 * Migration 24 (deferred_search_index): rows stored before it stay searchable; inside a deferral new and renamed rows
 * reach the trigram indexes when the deferral ends, in one pass, and the indexes then agree with their tables exactly.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/testing/tempStore';
import { startDeferral } from '../deferral';
import { migrate } from '../migrate';
import { migrations } from './index';

let cleanup = () => {};
afterEach(() => cleanup());

const AT = '2024-01-01T00:00:00.000Z';

function storeBefore24(): Database.Database {
  const t = tempDir();
  const db = new Database(path.join(t.dir, 'desk.db'));
  cleanup = () => {
    db.close();
    t.cleanup();
  };
  migrate(
    db,
    migrations.filter((m) => m.version < 24),
  );
  addParty(db, 'U1', '太原理工大学');
  addPatent(db, 'P1', '一种煤矸石制砖方法');
  addRegistration(db, 'R1', 'U1', '煤矸石空心砖');
  return db;
}

function addParty(db: Database.Database, id: string, name: string): void {
  db.prepare(
    `INSERT INTO organizations (id, name, name_norm, kind, created_at, updated_at) VALUES (?, ?, ?, '企业', '${AT}', '${AT}')`,
  ).run(id, name, name);
}
function addPatent(db: Database.Database, number: string, title: string): void {
  db.prepare(`INSERT INTO patents (number, type, title, updated_at) VALUES (?, '发明', ?, '${AT}')`).run(number, title);
}
function addRegistration(db: Database.Database, id: string, enterpriseId: string, product: string): void {
  db.prepare(
    `INSERT INTO product_registrations (id, region_code, registration_no, enterprise_id, product_name, registration_date,
       created_at, updated_at) VALUES (?, '140100', ?, ?, ?, '2023-01-01', '${AT}', '${AT}')`,
  ).run(id, id, enterpriseId, product);
}

/** What a trigram search finds in each index: organization names, patent numbers, registration ids. */
function found(db: Database.Database, text: string): string[] {
  const q = `"${text}"`;
  return [
    ...db
      .prepare(
        'SELECT o.name FROM organizations_fts f JOIN organizations o ON o.rowid = f.rowid WHERE organizations_fts MATCH ?',
      )
      .pluck()
      .all(q),
    ...db
      .prepare('SELECT p.number FROM patents_fts f JOIN patents p ON p.rowid = f.rowid WHERE patents_fts MATCH ?')
      .pluck()
      .all(q),
    ...db
      .prepare(
        'SELECT r.id FROM products_fts f JOIN product_registrations r ON r.rowid = f.rowid WHERE products_fts MATCH ?',
      )
      .pluck()
      .all(q),
  ] as string[];
}

/** FTS5's own check that an external-content index holds exactly its table's rows (throws otherwise). */
function checkIndexes(db: Database.Database): void {
  for (const fts of ['organizations_fts', 'patents_fts', 'products_fts']) {
    db.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
  }
}

describe('migration 24 (deferred_search_index)', () => {
  it('keeps what was indexed before, and keeps indexing each write at once outside a deferral', () => {
    const db = storeBefore24();
    migrate(
      db,
      migrations.filter((m) => m.version <= 24),
    );
    expect(found(db, '煤矸石')).toEqual(['P1', 'R1']);
    addPatent(db, 'P2', '煤矸石陶粒');
    db.prepare("UPDATE organizations SET name = '太原煤矸石研究院' WHERE id = 'U1'").run();
    expect(found(db, '煤矸石')).toEqual(['太原煤矸石研究院', 'P1', 'P2', 'R1']);
    expect(found(db, '理工大学')).toEqual([]);
    checkIndexes(db);
  });

  it('inside a deferral, new and changed rows are found once the deferral ends, and the indexes match their tables', () => {
    const db = storeBefore24();
    migrate(
      db,
      migrations.filter((m) => m.version <= 24),
    );
    db.transaction(() => {
      const end = startDeferral(db, 'search_deferral');
      addPatent(db, 'P2', '煤矸石陶粒');
      db.prepare("UPDATE patents SET title = '煤矸石陶粒及其烧结方法' WHERE number = 'P2'").run();
      db.prepare("UPDATE organizations SET name = '太原煤矸石研究院' WHERE id = 'U1'").run();
      db.prepare("UPDATE organizations SET name = '太原煤矸石综合利用研究院' WHERE id = 'U1'").run();
      addParty(db, 'E1', '大同煤矸石建材有限公司');
      addRegistration(db, 'R2', 'E1', '煤矸石烧结砖');
      // Not yet in the indexes: the old name is already out, the new rows and names are not in.
      expect(found(db, '煤矸石')).toEqual(['P1', 'R1']);
      expect(found(db, '理工大学')).toEqual([]);
      end();
      expect(db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
    })();
    expect(found(db, '煤矸石')).toEqual(['太原煤矸石综合利用研究院', '大同煤矸石建材有限公司', 'P1', 'P2', 'R1', 'R2']);
    expect(found(db, '烧结方法')).toEqual(['P2']);
    checkIndexes(db);
  });

  it('a deferral rolled back leaves the indexes as they were', () => {
    const db = storeBefore24();
    migrate(
      db,
      migrations.filter((m) => m.version <= 24),
    );
    expect(() =>
      db.transaction(() => {
        startDeferral(db, 'search_deferral');
        addPatent(db, 'P2', '煤矸石陶粒');
        db.prepare("UPDATE organizations SET name = '太原煤矸石研究院' WHERE id = 'U1'").run();
        throw new Error('refused');
      })(),
    ).toThrow('refused');
    expect(found(db, '煤矸石')).toEqual(['P1', 'R1']);
    expect(found(db, '理工大学')).toEqual(['太原理工大学']);
    expect(db.prepare('SELECT count(*) FROM search_dirty').pluck().get()).toBe(0);
    checkIndexes(db);
  });
});
