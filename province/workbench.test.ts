import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runSyncPass } from '../core/sync/client';
import { patentNumber, recordDeal } from '../core/sync/testing/syncFixtures';
import { createService } from '../core/service/createService';
import { signingIdentity } from '../core/sync/installationKey';
import { generateKeyPair } from '../core/sync/signing';
import { INDICATOR_IDS } from '../shared/indicators/ids';
import { setUpStore, tempDir } from '../tests/testing/tempStore';
import { PROVINCE_BACKENDS, provinceStores, type ProvinceBackend } from './testing/provinceBackends';
import { openWorkbench } from './testing/workbench';
import type { ProvinceLocation } from '../core/province/store/openProvinceDb';
import type { MethodInput, MethodName } from '../shared/contract/index';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function city(region: string) {
  const c = await setUpStore(region);
  cleanups.push(c.close);
  return c;
}

const stores = provinceStores();

/** Two cities that have each reported one deal of 2023 to a real provincial endpoint on `backend`. */
async function twoCitiesReported(backend: ProvinceBackend) {
  const taiyuan = await city('140100');
  const datong = await city('140200');
  const prov = await stores.endpoint(backend);
  cleanups.push(prov.close);
  await prov.enroll(taiyuan.service.store, taiyuan.adminActor);
  await prov.enroll(datong.service.store, datong.adminActor);
  recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', { contractNo: 'TY-2023-01' });
  recordDeal(datong.service.store, datong.adminActor, '140200', {
    contractNo: 'DT-2023-01',
    amountFen: 12_000_000,
    patents: [{ number: patentNumber(77), title: '一种矿用传感器', filingDate: '2020-04-21', status: '有效' }],
    payments: [],
  });
  for (const c of [taiyuan, datong]) {
    const r = await runSyncPass(c.service.store, { endpoint: prov.url, actor: c.adminActor, ignoreSchedule: true });
    expect(r.settled).toBe(true);
  }
  return { prov, taiyuan, datong };
}

/** The province's workbench over the endpoint's store, closed after the test. */
async function workbench(at: ProvinceLocation) {
  const wb = await openWorkbench(at);
  cleanups.push(wb.close);
  return wb;
}

describe("the province's workbench", () => {
  it('is set up for the province only on first run, and refuses a city store', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const service = createService(path.join(t.dir, 'prov.db'), { province: true });
    cleanups.push(() => service.store.close());
    expect(await service.call('system.status', {}, { sessionKey: 'x' })).toMatchObject({
      ok: true,
      value: { setUp: false, setupRegion: '140000' },
    });
    const asCity = await service.call(
      'system.setup',
      { regionCode: '140100', adminUsername: 'a', adminDisplayName: '甲', password: 'sheng-pass-123' },
      { sessionKey: 'x' },
    );
    expect(asCity).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '这是省级工作台的数据库，只能设置为山西省' },
    });

    const taiyuan = await city('140100');
    taiyuan.service.store.close();
    expect(() => createService(taiyuan.dbPath, { province: true })).toThrow(
      /是地区 140100 的本机数据库，不能用作省级数据库/,
    );
  });

  it('is refused on a city desk', async () => {
    const taiyuan = await city('140100');
    const result = await taiyuan.service.call('province.home', { year: 2023 }, { actor: taiyuan.adminActor });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_INSTALLATION' } });
  });
});

describe.each(PROVINCE_BACKENDS)("the province's workbench on %s", (backend) => {
  it('shows every region side by side with the figures `indicators.report` gives for each', async () => {
    const { prov } = await twoCitiesReported(backend);
    const wb = await workbench(prov.location);
    const home = await wb.call('province.home', { year: 2023 });

    expect(home.regions.map((r) => r.regionName)).toHaveLength(12);
    const taiyuan = home.regions.find((r) => r.region === '140100')!;
    const datong = home.regions.find((r) => r.region === '140200')!;
    const yangquan = home.regions.find((r) => r.region === '140300')!;
    expect(taiyuan).toMatchObject({ batches: 1, installations: 1, records: { deals: 1, payments: 2 }, rejected: 0 });
    expect(datong).toMatchObject({ batches: 1, installations: 1, records: { deals: 1, payments: 0 } });
    expect(taiyuan.lastBatchAt).not.toBeNull();
    expect(taiyuan.lastContactAt).not.toBeNull();
    expect(yangquan).toMatchObject({
      batches: 0,
      installations: 0,
      lastBatchAt: null,
      lastContactAt: null,
      records: { deals: 0 },
    });

    for (const region of [taiyuan, datong, yangquan]) {
      const report = await wb.call('indicators.report', { region: region.region, year: 2023 });
      for (const id of INDICATOR_IDS) {
        const row = region.indicators.find((r) => r.indicator === id)!;
        const { indicator: _i, requiredGrowth: _r, growthMet: _g, ...value } = row;
        expect(value, `${region.regionName} ${id}`).toEqual(report.indicators[id]);
      }
    }
    expect(taiyuan.indicators.find((r) => r.indicator === 'I2')!.year).toBeGreaterThan(0);
    // The trend holds each year from 2021; the industry map adds up to the counted deals a drill-down lists.
    expect(home.trend.find((t) => t.region === '140200')!.byYear.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    const mapped = home.industries.filter((c) => c.region === '140100').reduce((sum, c) => sum + c.I2, 0);
    expect(mapped).toBeGreaterThan(0);
    expect(mapped).toBe((await wb.call('indicators.deals', { region: '140100', year: 2023, family: 'I2' })).patents);
  });

  it('offers no 录入员 at the province, and a 领导 reads but cannot enroll', async () => {
    const { prov } = await twoCitiesReported(backend);
    const wb = await workbench(prov.location);
    await expect(
      wb.call('users.create', { username: 'lu', displayName: '录入甲', role: '录入员', password: 'clerk-pass-1' }),
    ).rejects.toThrow('省级工作台不录入记录，没有“录入员”角色；请选择审核员、管理员、领导');
    const leader = await wb.call('users.create', {
      username: 'ld',
      displayName: '领导甲',
      role: '领导',
      password: 'leader-pass-1',
    });
    await expect(wb.call('users.update', { id: leader.id, role: '录入员' })).rejects.toThrow(/没有“录入员”角色/);
    const leaderActor = { id: leader.id, name: '领导甲', role: '领导' } as const;
    const asLeader = <K extends MethodName>(method: K, input: MethodInput<K>) => wb.as(leaderActor, method, input);
    expect((await asLeader('province.home', { year: 2023 })).regions).toHaveLength(12);
    const pem = generateKeyPair().publicKeyPem;
    await expect(asLeader('installations.enroll', { regionCode: '140300', publicKeyPem: pem })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asLeader('installations.list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('enrolls, replaces and revokes installations, audited; a revoked city can no longer report', async () => {
    const { prov, taiyuan, datong } = await twoCitiesReported(backend);
    const wb = await workbench(prov.location);
    const listed = await wb.call('installations.list', {});
    expect(listed.map((k) => [k.regionName, k.status, k.batches])).toEqual([
      ['太原市', '在用', 1],
      ['大同市', '在用', 1],
    ]);
    expect(listed[0]!.nextSeq).toBeGreaterThan(1);
    expect(listed[0]!.lastContactAt).not.toBeNull();

    await expect(wb.call('installations.enroll', { regionCode: '140300', publicKeyPem: 'not a key' })).rejects.toThrow(
      /公钥文件无法识别/,
    );
    const yangquanKey = generateKeyPair().publicKeyPem;
    expect(await wb.call('installations.enroll', { regionCode: '140300', publicKeyPem: yangquanKey })).toMatchObject({
      created: true,
    });

    const datongKey = (await signingIdentity(datong.service.store, datong.adminActor)).publicKeyPem;
    expect(
      await wb
        .call('installations.enroll', { regionCode: '140100', publicKeyPem: datongKey })
        .catch((e: Error) => e.message),
    ).toMatch(/已登记在地区 140200/);

    const replacement = generateKeyPair().publicKeyPem;
    const yq = (await wb.call('installations.list', {})).find((k) => k.regionCode === '140300')!;
    await wb.call('installations.replace', { fingerprint: yq.fingerprint, publicKeyPem: replacement });

    const ty = listed[0]!;
    await wb.call('installations.revoke', { fingerprint: ty.fingerprint, reason: '电脑报废' });
    const after = await wb.call('installations.list', {});
    expect(after.map((k) => [k.regionCode, k.status])).toEqual([
      ['140100', '已吊销'],
      ['140200', '在用'],
      ['140300', '已替换'],
      ['140300', '在用'],
    ]);
    await expect(wb.call('installations.revoke', { fingerprint: ty.fingerprint, reason: '再次' })).rejects.toThrow(
      '该公钥已停用（已被替换或吊销），无需再吊销',
    );
    const home = await wb.call('province.home', { year: 2023 });
    expect(home.regions.find((r) => r.region === '140100')!.installations).toBe(0);

    const audit = await prov.db.all(
      "SELECT action, actor_name AS actor FROM audit_log WHERE entity = 'province_key' ORDER BY seq",
    );
    expect(audit).toEqual([
      { action: 'province.keyEnrolled', actor: expect.any(String) },
      { action: 'province.keyEnrolled', actor: expect.any(String) },
      { action: 'province.keyEnrolled', actor: '省级管理员' },
      { action: 'province.keyReplaced', actor: '省级管理员' },
      { action: 'province.keyRevoked', actor: '省级管理员' },
    ]);

    // The revoked installation's next batch is refused by the endpoint.
    recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', {
      contractNo: 'TY-2023-02',
      patents: [{ number: patentNumber(91), title: '一种新装置', filingDate: '2020-04-21', status: '有效' }],
      payments: [],
    });
    const refused = await runSyncPass(taiyuan.service.store, {
      endpoint: prov.url,
      actor: taiyuan.adminActor,
      ignoreSchedule: true,
    });
    expect(refused.settled).toBe(false);
    expect(await prov.db.get("SELECT count(*) AS n FROM deals WHERE contract_no = 'TY-2023-02'")).toEqual({ n: 0 });
  });
});
