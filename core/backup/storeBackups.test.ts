import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { licenseDeal } from '../filings/testing/sampleFilings';
import { createService } from '../service/createService';
import { addDays } from '../../shared/domain/dates';
import { backupFolder, runDailyBackup } from './automatic';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const at = (iso: string) => new Date(`${iso}T09:30:00`);

/** Store A (太原, 140100) in its own folder, and store B (阳泉, 140300) in the same folder: one `backups/` for both. */
async function twoStoresInOneFolder() {
  const a = await setUpStore('140100', { now: () => at('2026-12-05') });
  cleanups.push(a.close);
  const b = createService(path.join(a.dir, 'yangquan.db'), { now: () => at('2026-12-05') });
  cleanups.unshift(() => b.store.close());
  const setup = await b.call(
    'system.setup',
    { regionCode: '140300', adminUsername: 'admin', adminDisplayName: '阳泉管理员', password: 'admin-pass-123' },
    { sessionKey: 'setup' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const bAdmin = { id: (setup.value as { id: string }).id, name: '阳泉管理员', role: '管理员' as const };
  const callB = async (
    method: 'backup.inspect' | 'backup.requestRestore' | 'backup.list',
    input: { name?: string },
  ) => {
    const result = await b.call(method, input, { actor: bAdmin });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { a, b, callB };
}

describe('backups named by their store', () => {
  it('two stores in one folder each get their own daily backup, named by region, and prune only their own', async () => {
    const { a, b } = await twoStoresInOneFolder();
    for (let day = 0; day < 30; day++) {
      const now = at(addDays('2026-11-06', day));
      await runDailyBackup(a.service.store, a.dir, now);
      await runDailyBackup(b.store, a.dir, now);
    }
    const names = fs.readdirSync(backupFolder(a.dir));
    const taiyuan = names.filter((n) => n.startsWith('太原市-140100-每日-'));
    const yangquan = names.filter((n) => n.startsWith('阳泉市-140300-每日-'));
    // 7 daily + the weekly ones before them, for each store on its own: neither skipped nor pruned the other's.
    expect(taiyuan).toHaveLength(yangquan.length);
    expect(taiyuan).toContain('太原市-140100-每日-2026-12-05.db');
    expect(yangquan).toContain('阳泉市-140300-每日-2026-12-05.db');
    expect(taiyuan.length).toBeGreaterThanOrEqual(7);
    expect(names.length).toBe(taiyuan.length + yangquan.length);
  });

  it('a manual backup is named by region, code and local time, and two in one minute do not overwrite each other', async () => {
    const { a } = await twoStoresInOneFolder();
    const first = await a.call('backup.create', {});
    const second = await a.call('backup.create', {});
    expect(first.name).toBe('太原市-140100-手动-2026-12-05-0930.db');
    expect(second.name).toBe('太原市-140100-手动-2026-12-05-0930-2.db');
    expect((await a.call('backup.list', {})).backups.map((x) => x.kind)).toEqual(['手动', '手动']);
  });
});

describe('which store a backup belongs to, before it is offered for restore', () => {
  it("refuses store A's backup offered to store B, saying whose it is, and schedules nothing", async () => {
    const { a, callB } = await twoStoresInOneFolder();
    const backupOfA = await a.call('backup.create', {});
    const facts = (await callB('backup.inspect', { name: backupOfA.name })) as {
      otherStore: string | null;
      regionName: string;
    };
    expect(facts.regionName).toBe('太原市');
    expect(facts.otherStore).toMatch(
      /^此备份属于太原市（140100）的工作台（安装编号 \w+），不是本工作台（阳泉市（140300），/,
    );
    await expect(callB('backup.requestRestore', { name: backupOfA.name })).rejects.toThrow(
      /此备份属于太原市（140100）的工作台.*请在它所属的工作台上恢复/,
    );
    expect(((await callB('backup.list', {})) as { pendingRestore: unknown }).pendingRestore).toBeNull();
    // Its own backup is A's to restore.
    expect((await a.call('backup.inspect', { name: backupOfA.name })).otherStore).toBeNull();
    await a.call('backup.requestRestore', { name: backupOfA.name });
  });

  it('refuses a damaged file and a SQLite file that is not a desk store', async () => {
    const { a } = await twoStoresInOneFolder();
    const made = await a.call('backup.create', {});
    const file = path.join(backupFolder(a.dir), made.name);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 4096));
    await expect(a.call('backup.inspect', { name: made.name })).rejects.toThrow('备份文件已损坏或不是本程序的备份');

    // A real SQLite database of some other program, under a backup's name.
    const other = path.join(backupFolder(a.dir), '太原市-140100-手动-2026-12-05-1000.db');
    const Database = (await import('better-sqlite3')).default;
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE contacts (name TEXT)');
    foreign.close();
    await expect(a.call('backup.inspect', { name: path.basename(other) })).rejects.toThrow('不是本程序的备份');
    await expect(a.call('backup.requestRestore', { name: path.basename(other) })).rejects.toThrow('不是本程序的备份');
  });

  it('the facts are what the backup holds: size, region, records per kind (voided ones not counted), its time', async () => {
    const { a } = await twoStoresInOneFolder();
    const kept = await a.call('deals.create', licenseDeal({ contractNo: 'HT-2023-SX-000815-补充' }));
    const voided = await a.call('deals.create', licenseDeal({ contractNo: 'HT-2023-002' }));
    await a.call('deals.void', { id: voided.id, reason: '录入错误' });
    const made = await a.call('backup.create', {});
    // Changes after the backup are not in it.
    await a.call('deals.create', licenseDeal({ contractNo: 'HT-2023-003' }));

    const facts = await a.call('backup.inspect', { name: made.name });
    expect(kept.id).toBeTruthy();
    expect(facts).toMatchObject({
      file: made.name,
      bytes: made.bytes,
      regionCode: '140100',
      regionName: '太原市',
      otherStore: null,
    });
    expect(Object.fromEntries(facts.counts.map((c) => [c.kind, c.count]))).toMatchObject({
      交易: 1,
      质押: 0,
      产品备案: 0,
      奖补: 0,
      用户: 1,
    });
    expect(facts.lastChangeAt).toBe(at('2026-12-05').toISOString());
    expect(facts.createdAt).toBe(made.createdAt);
  });
});
