import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWriter } from '../service/context';
import { checkDealsAfterWrite } from './incremental';
import { ruleStore } from './testing/ruleStore';

let s: ReturnType<typeof ruleStore>;
beforeEach(() => (s = ruleStore()));
afterEach(() => s.close());

const actor = { id: null, name: '测试', role: '管理员' as const };
/** Writes inside one transaction and checks the touched deals there, as a save or an import does. */
const save = <T>(fn: () => T, touched: (result: T) => string[]) =>
  s.store.transaction((db) => {
    const result = fn();
    return checkDealsAfterWrite(createWriter(db, actor, '2024-06-30T08:00:00.000Z'), touched(result));
  });

const activeFlags = () =>
  s.db.prepare('SELECT rule_id AS ruleId, status, active FROM anomaly_flags ORDER BY rule_id').all() as {
    ruleId: string;
    status: string;
    active: number;
  }[];

describe('checking deals as they are saved', () => {
  it('flags the second leg of a round trip the moment it is saved, and the first leg with it', () => {
    const a = s.fx.org({ name: '甲', uscc: '91140100MA0000001A' });
    const b = s.fx.org({ name: '乙', uscc: '91140100MA0000002B' });
    const p = s.fx.patent();
    const out = save(
      () =>
        s.fx.deal({
          assignor: a,
          assignee: b,
          patents: [p],
          recordationDate: '2024-01-10',
          contractDate: '2024-01-05',
        }),
      (id) => [id],
    );
    expect(out.created).toBe(0);
    let backId = '';
    save(
      () =>
        (backId = s.fx.deal({
          assignor: b,
          assignee: a,
          patents: [p],
          recordationDate: '2024-03-10',
          contractDate: '2024-03-01',
        })),
      (id) => [id],
    );
    const subjects = s.db
      .prepare(
        "SELECT s.entity_id AS id FROM flag_subjects s JOIN anomaly_flags f ON f.id = s.flag_id WHERE f.rule_id = 'R02'",
      )
      .all() as { id: string }[];
    expect(subjects.map((x) => x.id)).toContain(backId);
    expect(activeFlags().filter((f) => f.ruleId === 'R02')).toEqual([{ ruleId: 'R02', status: '待审核', active: 1 }]);
  });

  it('turns the flag inactive when the offending deal is voided, and writes nothing when nothing changed', () => {
    const a = s.fx.org({ name: '甲' });
    const b = s.fx.org({ name: '乙' });
    save(
      () => s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()], amountFen: 0 }),
      (id) => [id],
    );
    const id = (
      s.db
        .prepare(
          "SELECT s.entity_id AS id FROM flag_subjects s JOIN anomaly_flags f ON f.id = s.flag_id WHERE f.rule_id = 'R04'",
        )
        .get() as { id: string }
    ).id;
    const auditRows = () => (s.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = auditRows();
    expect(
      save(
        () => null,
        () => [id],
      ),
    ).toMatchObject({ created: 0, deactivated: 0 });
    expect(auditRows()).toBe(before);
    save(
      () => s.fx.voidDeal(id),
      () => [id],
    );
    expect(activeFlags().find((f) => f.ruleId === 'R04')).toMatchObject({ active: 0 });
  });

  it('groups a bulk transfer as the tenth patent arrives', () => {
    const a = s.fx.org({ name: '甲' });
    const b = s.fx.org({ name: '乙' });
    for (let i = 0; i < 3; i++)
      save(
        () =>
          s.fx.deal({
            assignor: a,
            assignee: b,
            patents: [s.fx.patent(), s.fx.patent(), s.fx.patent()],
            recordationDate: '2024-05-0' + (i + 1),
          }),
        (id) => [id],
      );
    expect(activeFlags().filter((f) => f.ruleId === 'R08')).toHaveLength(0);
    save(
      () => s.fx.deal({ assignor: a, assignee: b, patents: [s.fx.patent()], recordationDate: '2024-05-06' }),
      (id) => [id],
    );
    const bulk = s.db
      .prepare(
        "SELECT count(*) AS n FROM flag_subjects s JOIN anomaly_flags f ON f.id = s.flag_id WHERE f.rule_id = 'R08' AND f.active = 1",
      )
      .get() as { n: number };
    expect(bulk.n).toBe(4);
  });
});
