import { afterEach, describe, expect, it } from 'vitest';
import { dealInput } from '../../shared/contract/filings/deals';
import { orgCodeCheckChar, usccCheckChar } from '../../shared/domain/uscc';
import { setUpStore } from '../../tests/testing/tempStore';
import { scanRules } from '../rules/engine';
import { createWriter } from '../service/context';
import { upsertDeal } from './deals';
import { ENTERPRISE, licenseDeal } from './testing/sampleFilings';

// Deals between related parties are what rule R03 exists to find: they must be recorded (and then flagged),
// never refused at entry or import, or the anomaly would never reach a reviewer.
let desk: Awaited<ReturnType<typeof setUpStore>>;
afterEach(() => desk?.close());

const NOW = new Date('2024-01-10T08:00:00Z');
const save = (input: ReturnType<typeof licenseDeal>) =>
  desk.service.store.transaction((db) =>
    upsertDeal(createWriter(db, desk.adminActor, NOW.toISOString()), dealInput.parse(input), { regionCode: '140100' }),
  );
const r03 = () => scanRules(desk.service.store.db, { ruleIds: ['R03'], asOf: '2024-01-10' });

describe('deals between related parties', () => {
  it('records a deal whose two sides carry the same USCC, and R03 flags it', async () => {
    desk = await setUpStore('140100', { now: () => NOW });
    const saved = save(
      licenseDeal({ kind: '转让', licenseMode: undefined, assignor: { ...ENTERPRISE, size: undefined } }),
    );
    expect(saved.outcome).toBe('new');
    const flags = r03();
    expect(flags).toHaveLength(1);
    expect(flags[0]!.subjects.map((s) => s.entityId)).toContain(saved.id);
  });

  it('keeps a party with the same name under another USCC as a second party, and R03 flags the pair', async () => {
    desk = await setUpStore('140100', { now: () => NOW });
    const org8 = 'MA0K9999';
    const first17 = '91140100' + org8 + orgCodeCheckChar(org8);
    const twin = { ...ENTERPRISE, uscc: first17 + usccCheckChar(first17), size: undefined };
    const saved = save(licenseDeal({ kind: '转让', licenseMode: undefined, assignor: twin }));
    expect(
      desk.service.store.db.prepare('SELECT count(*) FROM organizations WHERE name = ?').pluck().get(ENTERPRISE.name),
    ).toBe(2);
    expect(r03().flatMap((f) => f.subjects.map((s) => s.entityId))).toContain(saved.id);
  });
});
