import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { contract, methodNames } from '../shared/contract/index';
import { createService } from '../core/service/createService';
import { startBrowserMode } from '../core/transport/httpServer';
import { contractSamples, WALK_ADMIN, type WalkState } from './testing/contractSamples';
import { setUpStore, tempDir } from './testing/tempStore';
import { WALK_FINDING, WALK_NOTICE_ID } from './testing/provinceSamples';
import { PROVINCE_CODE } from '../shared/domain/regions';
import type Database from 'better-sqlite3';

const t = tempDir();
const service = createService(path.join(t.dir, 'walk.db'), { checkOutputs: true });
let server: Awaited<ReturnType<typeof startBrowserMode>>;
/** One browser tab's credentials: the launch token of its address and the session token login gave it, as headers. */
class Tab {
  session = '';
  headers(): Record<string, string> {
    return {
      'x-desk-token': new URL(server.launchUrl).searchParams.get('t')!,
      ...(this.session ? { 'x-desk-session': this.session } : {}),
    };
  }
  take(response: Response) {
    this.session = response.headers.get('x-desk-session') ?? this.session;
  }
}
const tab = new Tab();
const reviewerTab = new Tab();

async function post(method: string, input: unknown, headers: Record<string, string> = {}, from: Tab = tab) {
  const response = await fetch(`${server.url}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...from.headers(), ...headers },
    body: JSON.stringify({ method, input }),
  });
  from.take(response);
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } },
  };
}

/** The walk's reviewer: the clerk it created, promoted to 审核员 by its users.update sample, password reset by users.resetPassword. */
const REVIEWER = { username: 'clerk', password: 'clerk-reset-1' };
/** A decision must come from someone who did not enter the deal. */
const REVIEWER_METHODS = new Set<string>(['review.flag', 'review.decide', 'review.reopen']);
/** The filings samples void what they make; before the scan the walk records a deal that R04 (nominal price) flags. */
const NOMINAL_PRICE_DEAL = {
  kind: '转让',
  contractNo: 'WALK-R04',
  contractDate: '2023-03-01',
  recordationDate: '2023-04-10',
  patents: [{ number: '201710117081.7', title: '一种走查用专利', filingDate: '2017-03-01' }],
  assignor: { name: '走查转让方有限公司', uscc: '91110000600037341L', kind: '企业', regionCode: '140100' },
  assignee: {
    name: '山西示例科技有限公司',
    uscc: '91140100MA0K123488',
    kind: '企业',
    regionCode: '140100',
    size: '小型',
  },
  industry: '其他',
  amountFen: 0,
};

/** A notice as the city holds one after a sync, for notices.markRead. */
function putWalkNotice(db: Database.Database) {
  db.prepare(
    "INSERT INTO notices (id, title, body, sent_at, received_at) VALUES (?, '走查通知', '请于月底前完成报送。', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
  ).run(WALK_NOTICE_ID);
}

/** A cross-city finding as the province's intake keeps one (two cities' deals), for the review methods. */
function putWalkFinding(db: Database.Database) {
  db.prepare(
    `INSERT INTO province_findings (fingerprint, rule_id, explanation, subjects, deliveries, found_at)
     VALUES (?, 'R10', '走查：两地重复登记', '[{"entity":"deal","entityId":"a","businessNo":"HT-1","regionCode":"140100"},{"entity":"deal","entityId":"b","businessNo":"HT-1","regionCode":"140200"}]', '{}', '2024-01-01T00:00:00.000Z')`,
  ).run(WALK_FINDING);
}

beforeAll(async () => {
  server = await startBrowserMode({ service, rendererDir: t.dir, port: 0 });
});

afterAll(async () => {
  await server.server.close();
  service.store.close();
  t.cleanup();
});

describe('the service contract over HTTP', () => {
  it('answers every method with an output that matches the contract', async () => {
    const state: WalkState = new Map();
    for (const method of methodNames) {
      if (method === 'rules.scan')
        expect((await post('deals.create', NOMINAL_PRICE_DEAL)).body).toMatchObject({ ok: true });
      if (REVIEWER_METHODS.has(method) && !reviewerTab.session) {
        expect((await post('auth.login', REVIEWER, {}, reviewerTab)).body.ok).toBe(true);
        // A password the administrator set is changed before anything else.
        const changed = await post(
          'users.changePassword',
          { currentPassword: REVIEWER.password, newPassword: 'clerk-own-pass-1' },
          {},
          reviewerTab,
        );
        expect(changed.body.ok).toBe(true);
      }
      if (method === 'notices.list') putWalkNotice(service.store.db);
      const input = (contractSamples[method] as (s: WalkState) => unknown)(state);
      const { body } = await post(method, input, {}, REVIEWER_METHODS.has(method) ? reviewerTab : tab);
      // The walk's store is a city's: the province's methods are refused here and walked on a province store below.
      if (contract[method].scope === 'province') {
        expect(body, method).toMatchObject({ ok: false, error: { code: 'WRONG_INSTALLATION' } });
        state.set(method, null);
        continue;
      }
      expect(body, `${method}: ${body.error?.message}`).toMatchObject({ ok: true });
      expect(() => contract[method].output.parse(body.value), method).not.toThrow();
      state.set(method, body.value);
      if (method === 'auth.logout') expect((await post('auth.login', WALK_ADMIN)).body.ok).toBe(true);
    }
    expect(state.size).toBe(methodNames.length);
  });

  it('answers every province method on a province store', async () => {
    const province = await setUpStore(PROVINCE_CODE);
    try {
      putWalkFinding(province.service.store.db);
      const state: WalkState = new Map();
      for (const method of methodNames.filter((m) => contract[m].scope === 'province')) {
        const input = (contractSamples[method] as (s: WalkState) => unknown)(state);
        const result = await province.service.call(method, input, { actor: province.adminActor });
        expect(result, `${method}: ${result.ok ? '' : result.error.message}`).toMatchObject({ ok: true });
        state.set(method, result.ok ? result.value : null);
      }
    } finally {
      province.close();
    }
  });

  it('refuses a call without the launch token', async () => {
    const response = await fetch(`${server.url}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'system.status', input: {} }),
    });
    expect(response.status).toBe(403);
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const { body } = await post('users.create', { username: 'x', displayName: '', role: '录入员', password: 'short' });
    expect(body.ok).toBe(false);
    expect(body.error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(body.error)).toMatch(/请填写姓名|密码至少 8 位/);
  });

  it('refuses a method to a role that may not use it', async () => {
    await post('users.create', { username: 'leader', displayName: '领导甲', role: '领导', password: 'leader-pass-1' });
    await post('auth.logout', {});
    expect((await post('auth.login', { username: 'leader', password: 'leader-pass-1' })).body.ok).toBe(true);
    const { body } = await post('users.list', {});
    expect(body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await post('auth.logout', {});
    const anonymous = await post('users.list', {});
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('answers an unknown method with a Chinese error', async () => {
    const { body } = await post('store.dropEverything', {});
    expect(body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });
});
