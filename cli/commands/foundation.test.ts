import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/testing/runCli';
import { initStoreByCli } from '../../tests/testing/cliStore';

let cleanup = () => {};
afterEach(() => cleanup());

function initFor(regionCode: string) {
  const store = initStoreByCli(regionCode);
  cleanup = store.cleanup;
  return store;
}

function initStore(): { dir: string; db: string } {
  const store = initFor('140171');
  expect(store.init.stderr).toBe('');
  expect(store.init.stdout).toContain('山西转型综合改革示范区');
  return store;
}

describe('patent-desk init, backup, restore, audit verify and key', () => {
  it('refuses a second init of the same store', () => {
    const { db } = initStore();
    const again = runCli(['--db', db, 'init', '--region', '140100', '--admin', 'other'], {
      PATENT_DESK_PASSWORD: 'admin-pass-1',
    });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('已完成初始设置');
  });

  it('sets up a provincial office (140000) as well as a city', () => {
    const { init } = initFor('140000');
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('山西省（140000）');
  });

  it('refuses an unknown region with a Chinese message', () => {
    const { init } = initFor('110000');
    expect(init.status).not.toBe(0);
    expect(init.stderr).toContain('请选择本机所属地区');
  });

  it('round-trips a store with data through backup and restore', () => {
    const { dir, db } = initStore();
    const backup = path.join(dir, 'backup.db');
    expect(runCli(['--db', db, 'backup', '--out', backup]).status).toBe(0);
    // After the backup, a change that the restore must undo.
    const live = new Database(db);
    live.prepare("UPDATE installation SET region_code = '140200'").run();
    live.close();
    const restored = runCli(['--db', db, 'restore', backup]);
    expect(restored.status, restored.stderr).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT region_code FROM installation').pluck().get()).toBe('140171');
    expect(check.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    expect(check.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe(
      'system.restore',
    );
    check.close();
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
    // The replaced store was kept, not destroyed.
    expect(fs.readdirSync(dir).some((f) => f.includes('before-restore'))).toBe(true);
  });

  it("names a backup by its store, prints what it holds, and refuses another store's backup unless --other-store (then audited)", () => {
    const taiyuan = initStoreByCli('140100');
    const yangquan = initStoreByCli('140300');
    cleanup = () => [taiyuan, yangquan].forEach((s) => s.cleanup());
    // Into a folder: the file is named by the store; without --out: into the store's own backup folder (设置 lists it).
    const made = runCli(['--db', taiyuan.db, 'backup', '--out', taiyuan.dir]);
    expect(made.status, made.stderr).toBe(0);
    const [file] = fs
      .readdirSync(taiyuan.dir)
      .filter((f) => /^太原市-140100-手动-\d{4}-\d{2}-\d{2}-\d{4}\.db$/.test(f));
    expect(file).toBeDefined();
    expect(made.stdout).toMatch(/所属：太原市（140100），安装编号 \w+/);
    expect(made.stdout).toMatch(
      /记录数：交易 0，质押 0，产品备案 0，企业年度数据 0，奖补 0，专利供给 0，技术需求 0，对接 0，用户 1/,
    );
    expect(made.stdout).toMatch(/大小：\d+ KB/);
    const own = runCli(['--db', yangquan.db, 'backup']);
    expect(own.status, own.stderr).toBe(0);
    expect(fs.readdirSync(path.join(yangquan.dir, 'backups'))).toEqual([expect.stringMatching(/^阳泉市-140300-手动-/)]);

    const backupOfTaiyuan = path.join(taiyuan.dir, file!);
    const refused = runCli(['--db', yangquan.db, 'restore', backupOfTaiyuan]);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toContain('所属：太原市（140100）');
    expect(refused.stderr).toMatch(
      /此备份属于太原市（140100）的工作台.*不是本工作台（阳泉市（140300）.*请加 --other-store/,
    );
    const regionOf = (db: string) => {
      const check = new Database(db, { readonly: true });
      const region = check.prepare('SELECT region_code FROM installation').pluck().get();
      check.close();
      return region;
    };
    expect(regionOf(yangquan.db)).toBe('140300');

    const dryRun = runCli(['--db', taiyuan.db, 'restore', backupOfTaiyuan, '--dry-run']);
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('这是本工作台的备份，可以恢复。（试运行，未做任何改动）');

    const forced = runCli(['--db', yangquan.db, '--user', '王工', 'restore', backupOfTaiyuan, '--other-store']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(regionOf(yangquan.db)).toBe('140100');
    const check = new Database(yangquan.db, { readonly: true });
    const last = check
      .prepare('SELECT actor_name AS who, detail FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1')
      .get('system.restore') as { who: string; detail: string };
    check.close();
    expect(last.who).toBe('王工');
    expect(JSON.parse(last.detail)).toMatchObject({
      from: backupOfTaiyuan,
      otherStoreAccepted: expect.stringContaining('此备份属于太原市（140100）'),
    });
  });

  it('refuses to restore from a file that is not a backup, leaving the store as it was', () => {
    const { dir, db } = initStore();
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all'.repeat(50));
    const r = runCli(['--db', db, 'restore', junk]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('备份文件已损坏');
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
  });

  it('audit verify passes on an untouched store and names the row after one audit row is edited with sqlite3', () => {
    const { db } = initStore();
    const ok = runCli(['--db', db, 'audit', 'verify']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('审计日志完好');
    const edit = new Database(db);
    edit.prepare("UPDATE audit_log SET actor_name = '他人' WHERE seq = 1").run();
    edit.close();
    const broken = runCli(['--db', db, 'audit', 'verify']);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('第 1 行');
  });

  it('prints its help in Chinese', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('备份');
  });

  it('exports the public key, and says in Chinese when the --out folder does not exist', () => {
    const { dir, db } = initStore();
    const key = path.join(dir, 'city.pem');
    expect(runCli(['--db', db, 'key', '--out', key]).status).toBe(0);
    expect(fs.readFileSync(key, 'utf8')).toContain('BEGIN PUBLIC KEY');
    const missing = path.join(dir, '没有这个文件夹', 'city.pem');
    const r = runCli(['--db', db, 'key', '--out', missing]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`无法写入公钥文件 ${missing}：所在文件夹不存在`);
    expect(r.stderr).not.toMatch(/ENOENT|no such file/);
  });
});
