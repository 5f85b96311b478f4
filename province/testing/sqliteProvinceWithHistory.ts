import path from 'node:path';
import { ENTERPRISE } from '../../core/filings/testing/sampleFilings';
import { appendOutbox } from '../../core/outbox/outbox';
import { newId } from '../../core/store/ids';
import { runSyncPass } from '../../core/sync/client';
import { recordDeal, recordManyDeals } from '../../core/sync/testing/syncFixtures';
import { setUpStore } from '../../tests/testing/tempStore';
import { startTestProvince } from './testProvince';

export type City = Awaited<ReturnType<typeof setUpStore>>;

/** One pass of a city's real sync client against an endpoint; throws unless every batch was acknowledged. */
export async function syncCity(city: City, endpoint: { url: string }): Promise<void> {
  const result = await runSyncPass(city.service.store, {
    endpoint: endpoint.url,
    actor: city.adminActor,
    ignoreSchedule: true,
    backoff: { baseMs: 5, maxMs: 20 },
  });
  if (!result.settled) throw new Error(`sync did not settle: ${result.lastError}`);
}

/** A subsidy for the city's enterprise, queued as the city's client sends one (the fixtures have no form for it). */
function queueSubsidy(city: City, regionCode: string, grantedDate: string): void {
  const { db } = city.service.store;
  const recipient = db.prepare('SELECT id FROM organizations WHERE uscc = ?').pluck().get(ENTERPRISE.uscc) as string;
  const at = new Date().toISOString();
  const id = newId();
  const payload = {
    id,
    region_code: regionCode,
    subsidy_no: `BZ-${regionCode}-01`,
    recipient_id: recipient,
    program_name: '专利转化奖补',
    amount_fen: 10_000_000,
    granted_date: grantedDate,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  city.service.store.transaction((w) =>
    appendOutbox(w, { entity: 'subsidy', entityId: id, version: 1, op: 'upsert', payload }, at),
  );
}

/**
 * 大同's deal with 太原's enterprise under 大同's own id and another name (an alias at the province, and a claim), and
 * a patent 太原 reported first under a title of its own (a claim): recorded again with another title, a changed claim.
 */
export function recordDatongsDeal(datong: City, patentTitle: string): void {
  recordDeal(datong.service.store, datong.adminActor, '140200', {
    contractNo: 'DT-2024-01',
    recordationDate: '2024-05-20',
    assignee: { ...ENTERPRISE, name: '山西示例科技股份有限公司' },
    patents: [{ number: '202010310978.3', title: patentTitle, filingDate: '2020-04-21', status: '有效' }],
  });
}

/**
 * A province's SQLite store with a real history, made by the real endpoint from two cities' real sync clients:
 * 太原's deals (patents, parties, payments) and a subsidy; 大同's deal with the same enterprise under its own id (an
 * alias at the province) and with a shared patent and the enterprise described differently (claims, flagged in the
 * province's feedback and review queue); both keys enrolled (audit log), batches and their sequences, owners and
 * versions. The endpoint is closed again: the file is the store as the province left it. The cities stay open so
 * that a test can sync more to wherever the store went; `close` ends them.
 */
export async function sqliteProvinceWithHistory(dir: string, deals = 24) {
  const dbPath = path.join(dir, 'province.db');
  const taiyuan = await setUpStore('140100');
  const datong = await setUpStore('140200');
  const province = await startTestProvince(dbPath);
  try {
    for (const city of [taiyuan, datong]) await province.enroll(city.service.store, city.adminActor);
    recordManyDeals(taiyuan.service.store, taiyuan.adminActor, '140100', deals);
    const sharedDeal = recordDeal(taiyuan.service.store, taiyuan.adminActor, '140100', { contractNo: 'TY-2024-01' });
    queueSubsidy(taiyuan, '140100', '2024-01-15');
    await syncCity(taiyuan, province);
    recordDatongsDeal(datong, '大同登记的名称');
    await syncCity(datong, province);
    return {
      dbPath,
      taiyuan,
      datong,
      /** 太原's deal at the province, which 大同 may not change. */
      sharedDeal,
      close: () => {
        taiyuan.close();
        datong.close();
      },
    };
  } catch (error) {
    taiyuan.close();
    datong.close();
    throw error;
  } finally {
    await province.close();
  }
}
