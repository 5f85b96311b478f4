import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupStore } from '../core/backup/backup';
import { verifyAuditChain } from '../core/audit/auditLog';
import { openStore } from '../core/store/store';
import type { BenchFigure } from './figure';

// Supporting figures with no budget in DESIGN §7: what it costs to open the store, to back it up and to verify the
// audit chain at this size, each beside the plainest way of doing the same.

const storeOpen: BenchFigure = {
  name: 'store: open (pragmas, version check, migrations)',
  unit: 'ms',
  budget: null,
  async run(ctx) {
    const value = await ctx.time(() => openStore(ctx.dbPath, { mustExist: true }).close());
    const baseline = await ctx.time(() => {
      const db = new Database(ctx.dbPath);
      db.prepare('SELECT 1').get();
      db.close();
    });
    return { value, baseline, baselineIs: 'better-sqlite3 open + SELECT 1' };
  },
};

const backup: BenchFigure = {
  name: 'backup: online backup API of the whole store',
  unit: 'ms',
  budget: null,
  async run(ctx) {
    const source = ctx.freshCopy();
    const store = openStore(source, { mustExist: true });
    try {
      const value = await ctx.time(() => backupStore(store, path.join(ctx.tmpDir, 'backup.db')), 3);
      const baseline = await ctx.time(() => fs.copyFileSync(source, path.join(ctx.tmpDir, 'raw-copy.db')), 3);
      return { value, baseline, baselineIs: 'fs.copyFileSync of the (checkpointed) database file' };
    } finally {
      store.close();
    }
  },
};

const auditVerify: BenchFigure = {
  name: 'audit: verify the whole hash chain',
  unit: 'ms',
  budget: null,
  async run(ctx) {
    const db = new Database(ctx.dbPath, { readonly: true });
    try {
      const value = await ctx.time(() => {
        const verdict = verifyAuditChain(db);
        if (!verdict.ok) throw new Error(verdict.message);
      }, 3);
      const baseline = await ctx.time(() => {
        let rows = 0;
        for (const _ of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate()) rows++;
        return rows;
      }, 3);
      return { value, baseline, baselineIs: 'reading every audit row without hashing' };
    } finally {
      db.close();
    }
  },
};

export const storeFigures: readonly BenchFigure[] = [storeOpen, backup, auditVerify];
