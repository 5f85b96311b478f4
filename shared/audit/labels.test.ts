import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditKindLabel } from './labels';

describe('audit log labels', () => {
  it('say what a record action did to which kind of record', () => {
    expect(auditActionLabel('deal.create')).toBe('新增交易');
    expect(auditActionLabel('subsidy.void')).toBe('作废奖补');
    expect(auditActionLabel('enterprise_figure.restore')).toBe('恢复企业年度数据');
  });

  it('name the other actions in words, and leave a code they do not know as it is', () => {
    expect(auditActionLabel('users.resetPassword')).toBe('重置用户密码');
    expect(auditActionLabel('auth.lock')).toBe('登录失败过多，锁定账号');
    expect(auditActionLabel('deal.teleport')).toBe('deal.teleport');
    expect(auditActionLabel('something')).toBe('something');
  });

  it('name the kinds of records', () => {
    expect(auditKindLabel('province_finding')).toBe('跨地市审核');
    expect(auditKindLabel('region_target')).toBe('目标');
    expect(auditKindLabel('mystery')).toBe('mystery');
  });
});
