import { afterEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { freezePending } from '../sync/batches';
import { localAnchors } from '../sync/auditAnchors';
import { recordDeal } from '../sync/testing/syncFixtures';
import { auditHead, verifyAuditChain } from './auditLog';
import { deleteLastAuditRows, rewriteAuditRow } from './testing/tamper';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A city store with a few audited writes, and a batch frozen over them: the chain's head is anchored. */
async function anchoredCity() {
  const desk = await setUpStore('140100');
  cleanups.push(desk.close);
  const store = desk.service.store;
  recordDeal(store, desk.adminActor, '140100');
  recordDeal(store, desk.adminActor, '140100', { contractNo: 'HT-2024-02' });
  store.transaction((db) => freezePending(db, new Date().toISOString()));
  return { desk, db: store.db, anchoredRows: auditHead(store.db).rows };
}

describe('the audit chain anchored by the batches sent', () => {
  it('records in each frozen batch the chain head at freezing', async () => {
    const { db, anchoredRows } = await anchoredCity();
    const batch = db.prepare('SELECT audit_rows, audit_last_seq, audit_hash FROM sync_batches').get() as Record<
      string,
      unknown
    >;
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    expect(batch).toEqual({ audit_rows: anchoredRows, audit_last_seq: last.seq, audit_hash: last.hash });
  });

  it('reports a row rewritten with recomputed hashes before the anchor, which the bare chain lets through', async () => {
    const { db, anchoredRows } = await anchoredCity();
    rewriteAuditRow(db, 2, { actor_name: '他人' });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    const result = verifyAuditChain(db, localAnchors(db));
    expect(result).toMatchObject({ ok: false, brokenSeq: anchoredRows });
    expect(!result.ok && result.message).toContain(`审计日志第 ${anchoredRows} 行与本机批次`);
    expect(!result.ok && result.message).toContain(`第 1 至 ${anchoredRows} 行中有行被改写或删除`);
  });

  it('narrows a rewrite down to the rows between the last anchor that holds and the first that does not', async () => {
    const { desk, db, anchoredRows } = await anchoredCity();
    recordDeal(desk.service.store, desk.adminActor, '140100', { contractNo: 'HT-2024-03' });
    desk.service.store.transaction((w) => freezePending(w, new Date().toISOString()));
    const secondRows = auditHead(db).rows;
    rewriteAuditRow(db, anchoredRows + 1, { detail: '{}' });
    const result = verifyAuditChain(db, localAnchors(db));
    expect(!result.ok && result.message).toContain(`第 ${anchoredRows + 1} 至 ${secondRows} 行中有行被改写或删除`);
  });

  it('reports the last five rows deleted before the anchor as a truncation', async () => {
    const { db, anchoredRows } = await anchoredCity();
    deleteLastAuditRows(db, 5);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: anchoredRows - 5 });
    const result = verifyAuditChain(db, localAnchors(db));
    expect(result).toMatchObject({ ok: false, rows: anchoredRows - 5 });
    expect(!result.ok && result.message).toContain(`审计日志现只有 ${anchoredRows - 5} 行，但本机批次`);
    expect(!result.ok && result.message).toContain(`记录的是 ${anchoredRows} 行`);
  });

  it('cannot tell rows written after the last anchor and then rewritten or deleted, not even once the next batch anchors them', async () => {
    const { desk, db, anchoredRows } = await anchoredCity();
    await desk.call('settings.updateGeneral', { provinceEndpointUrl: 'http://127.0.0.1:9000' });
    recordDeal(desk.service.store, desk.adminActor, '140100', { contractNo: 'HT-2024-04' });
    rewriteAuditRow(db, anchoredRows + 1, { action: 'settings.read' });
    deleteLastAuditRows(db, 1);
    expect(verifyAuditChain(db, localAnchors(db))).toMatchObject({ ok: true });
    // The next batch anchors whatever the chain holds by then: the rewrite is now part of what the anchors vouch for.
    desk.service.store.transaction((w) => freezePending(w, new Date().toISOString()));
    expect(verifyAuditChain(db, localAnchors(db))).toMatchObject({ ok: true });
  });
});
