import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { RULE_IDS } from '../../shared/rules/ruleIds';
import { setUpStore } from '../../tests/testing/tempStore';
import { seedStore } from '../seed/seedStore';
import { createWriter, type Writer } from '../service/context';
import { persistFlags, scanRules } from './engine';
import { checkDealsAfterWrite, relatedDeals } from './incremental';
import type { PersistSummary } from './persistFlags';

const stores: Awaited<ReturnType<typeof setUpStore>>[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

const actor = { id: null, name: '测试', role: '管理员' as const };
const AT = '2025-06-30T08:00:00.000Z';

/** The check as one call of every rule, every finding held and stored at once: what the rule-by-rule check must equal. */
function checkAllAtOnce(w: Writer, dealIds: string[]) {
  const related = relatedDeals(w.db, dealIds);
  const candidates = scanRules(w.db, { asOf: todayIso(new Date(w.at)), dealIds: related });
  return persistFlags(w, candidates, { source: '本地', scope: { ruleIds: RULE_IDS, dealIds: related } });
}

/** A seeded store whose deals are all checked at once, as an import checks the deals it wrote. */
async function seeded(check: (w: Writer, ids: string[]) => PersistSummary) {
  const desk = await setUpStore();
  stores.push(desk);
  const db = desk.service.store.db;
  seedStore(db, desk.adminActor, { deals: 600, seed: 3 }, new Date('2025-01-01T00:00:00Z'));
  const ids = db.prepare('SELECT id FROM deals ORDER BY rowid').pluck().all() as string[];
  return {
    check: () => desk.service.store.transaction((tx) => check(createWriter(tx, actor, AT), ids)),
    flags: () =>
      db
        .prepare(
          `SELECT f.rule_id, f.fingerprint, f.explanation, f.evidence, f.active, f.status,
                  (SELECT group_concat(s.entity_id, ' ') FROM flag_subjects s WHERE s.flag_id = f.id) AS subjects
           FROM anomaly_flags f ORDER BY f.fingerprint`,
        )
        .all() as { rule_id: string; fingerprint: string; active: number; subjects: string }[],
    scans: () => db.prepare("SELECT detail FROM audit_log WHERE action = 'flags.scan'").pluck().all() as string[],
    voidDeal: (id: string) => db.prepare('UPDATE deals SET voided_at = ? WHERE id = ?').run(AT, id),
  };
}

describe('checking the deals an import wrote, one rule at a time', () => {
  it('stores the same flags, summary and one audit row as storing every rule’s findings at once', async () => {
    const atOnce = await seeded(checkAllAtOnce);
    const perRule = await seeded(checkDealsAfterWrite);
    expect(perRule.check()).toEqual(atOnce.check());
    const flags = perRule.flags();
    expect(flags).toEqual(atOnce.flags());
    expect(new Set(flags.map((f) => f.rule_id)).size).toBeGreaterThanOrEqual(6);
    expect(perRule.scans()).toEqual(atOnce.scans());
    expect(perRule.scans()).toHaveLength(1);

    // Again after a deal of a finding of several deals is voided: that flag, and only flags in scope, turn inactive.
    const several = flags.find((f) => f.subjects.includes(' '))!;
    const voided = several.subjects.split(' ')[1]!;
    atOnce.voidDeal(voided);
    perRule.voidDeal(voided);
    const again = perRule.check();
    expect(again).toEqual(atOnce.check());
    expect(again.deactivated).toBeGreaterThanOrEqual(1);
    expect(perRule.flags()).toEqual(atOnce.flags());
    expect(perRule.flags().find((f) => f.fingerprint === several.fingerprint)?.active).toBe(0);
    expect(perRule.scans()).toEqual(atOnce.scans());
  });
});
