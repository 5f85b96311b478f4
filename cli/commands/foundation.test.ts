import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/support/runCli';
import { initStoreByCli } from '../../tests/support/cliStore';

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
    const again = runCli(['--db', db, 'init', '--region', '140100', '--admin', 'other'], { PATENT_DESK_PASSWORD: 'admin-pass-1' });
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
    expect(check.prepare("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('system.restore');
    check.close();
    expect(runCli(['--db', db, 'audit', 'verify']).status).toBe(0);
    // The replaced store was kept, not destroyed.
    expect(fs.readdirSync(dir).some((f) => f.includes('before-restore'))).toBe(true);
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
