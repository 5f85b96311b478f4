import { describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { verifyAuditChain } from './auditLog';

describe('the audit log', () => {
  it('records every write with its actor, and the chain verifies', async () => {
    const desk = await setUpStore();
    await desk.call('users.create', {
      username: 'clerk1',
      displayName: '张录入',
      role: '录入员',
      password: 'clerk-pass-1',
    });
    await desk.call('settings.updateGeneral', { provinceEndpointUrl: 'http://127.0.0.1:9000' });
    const rows = desk.service.store.db.prepare('SELECT actor_name, action FROM audit_log ORDER BY seq').all();
    expect(rows).toEqual([
      { actor_name: '管理员甲', action: 'system.setup' },
      { actor_name: '管理员甲', action: 'users.create' },
      { actor_name: '管理员甲', action: 'users.create' },
      { actor_name: '管理员甲', action: 'settings.update' },
    ]);
    expect(verifyAuditChain(desk.service.store.db)).toEqual({ ok: true, rows: 4 });
    desk.close();
  });

  it('names the first edited row', async () => {
    const desk = await setUpStore();
    await desk.call('settings.updateGeneral', { provinceEndpointUrl: 'http://127.0.0.1:9000' });
    desk.service.store.db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 3").run();
    expect(verifyAuditChain(desk.service.store.db)).toMatchObject({ ok: false, brokenSeq: 3 });
    desk.close();
  });

  it('notices a removed row by the broken link of the next one', async () => {
    const desk = await setUpStore();
    await desk.call('settings.updateGeneral', { provinceEndpointUrl: 'http://127.0.0.1:9000' });
    desk.service.store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(desk.service.store.db)).toMatchObject({ ok: false, brokenSeq: 3 });
    desk.close();
  });
});
