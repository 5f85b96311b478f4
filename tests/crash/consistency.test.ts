import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { licenseDeal } from '../../core/filings/testing/sampleFilings';
import { setUpStore } from '../testing/tempStore';
import { healthy, storeHealth } from './testing/consistency';

// The crash tests are only as good as their checks: each check must see the damage it is there to see.
describe('the store health checks used after a crash', () => {
  it('see a missing outbox row, an edited audit row and a deal cut in half', async () => {
    const desk = await setUpStore('140100');
    try {
      const { id } = await desk.call('deals.create', licenseDeal());
      expect(storeHealth(desk.dbPath)).toEqual(healthy());

      const db = new Database(desk.dbPath);
      db.prepare("DELETE FROM outbox WHERE entity = 'deal' AND entity_id = ?").run(id);
      db.prepare(
        'DELETE FROM deal_patents WHERE deal_id = ? AND position = (SELECT max(position) FROM deal_patents WHERE deal_id = ?)',
      ).run(id, id);
      db.prepare("UPDATE audit_log SET actor_name = '别人' WHERE seq = 1").run();
      db.close();

      const health = storeHealth(desk.dbPath);
      expect(health.missingFromOutbox).toEqual([`deal ${id} v1`]);
      expect(health.halfWrittenDeals).toEqual(['HT-2023-001']);
      expect(health.audit).toMatchObject({ ok: false, brokenSeq: 1 });
    } finally {
      desk.close();
    }
  });
});
