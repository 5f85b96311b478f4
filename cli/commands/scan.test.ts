import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../core/store/store';
import { ruleFixtures } from '../../core/rules/testing/ruleFixtures';
import { runCli } from '../../tests/testing/runCli';
import { tempDir } from '../../tests/testing/tempStore';

let t: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  t = tempDir();
  db = path.join(t.dir, 'desk.db');
  const init = runCli(['--db', db, 'init', '--region', '140100', '--admin', 'admin'], {
    PATENT_DESK_PASSWORD: 'admin-pass-123',
  });
  expect(init.status, init.stderr).toBe(0);
});
afterEach(() => t.cleanup());

function plant() {
  const store = openStore(db);
  const fx = ruleFixtures(store.db);
  const a = fx.org({ name: '山西甲有限公司', uscc: '91140100MA0000001A' });
  const b = fx.org({ name: '山西乙有限公司', uscc: '91140100MA0000002B' });
  const p = fx.patent();
  const paid = (id: string) => fx.payment(id, '2023-06-01', 100_000_000);
  paid(
    fx.deal({
      assignor: a,
      assignee: b,
      patents: [p],
      contractNo: 'HT-1',
      recordationDate: '2023-01-10',
      amountWan: 100,
    }),
  );
  paid(
    fx.deal({
      assignor: b,
      assignee: a,
      patents: [p],
      contractNo: 'HT-2',
      recordationDate: '2023-05-10',
      amountWan: 100,
    }),
  );
  const g = fx.pledge({ pledgor: a, patents: [fx.patent()], registrationDate: '2023-02-01', registrationNo: 'ZY-1' });
  fx.subsidy({ recipient: a, pledgeId: g, subsidyNo: 'JB-1' });
  fx.subsidy({ recipient: a, pledgeId: g, subsidyNo: 'JB-2', programName: '质押贴息' });
  store.close();
}

describe('patent-desk scan', () => {
  it('prints every flag in the JSON shape of DESIGN §3a', () => {
    plant();
    const r = runCli(['--db', db, 'scan', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const { flags } = JSON.parse(r.stdout) as { flags: Record<string, unknown>[] };
    for (const f of flags)
      expect(Object.keys(f).sort()).toEqual([
        'contracts',
        'deals',
        'evidence',
        'explanation',
        'pledges',
        'region',
        'rule',
        'subsidies',
      ]);
    const byRule = (rule: string) => flags.filter((f) => f.rule === rule);
    expect(byRule('R02')).toHaveLength(1);
    expect((byRule('R02')[0]!.contracts as string[]).sort()).toEqual(['HT-1', 'HT-2']);
    expect(byRule('R02')[0]!.deals).toHaveLength(2);
    expect(byRule('R11')).toEqual([
      expect.objectContaining({ region: '140100', contracts: [], pledges: ['ZY-1'], subsidies: ['JB-1', 'JB-2'] }),
    ]);
    expect(byRule('R02')[0]!.explanation).toMatch(/转回/);
  });

  it('runs only the rules named, and refuses an unknown rule in Chinese', () => {
    plant();
    const only = JSON.parse(runCli(['--db', db, 'scan', '--rules', 'R11', '--json']).stdout) as {
      flags: { rule: string }[];
    };
    expect(only.flags.map((f) => f.rule)).toEqual(['R11']);
    const bad = runCli(['--db', db, 'scan', '--rules', 'R01,R99']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('未知的规则编号：R99');
  });

  it('gives the same flags on a second run and says so in words without --json', () => {
    plant();
    runCli(['--db', db, 'scan']);
    const second = runCli(['--db', db, 'scan']);
    expect(second.stdout).toContain('新增 0');
    expect(second.stdout).toContain('R02 回流交易');
  });
});
