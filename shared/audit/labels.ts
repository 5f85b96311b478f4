/**
 * What the audit log's codes mean, in the words of the desk: the log stores stable codes (`deal.create`,
 * `users.resetPassword`), the 审计日志 page shows these labels, with the code kept beside them for whoever needs it.
 * A code not listed here (a future action) is shown as it is.
 */

const RECORDS: Record<string, string> = {
  deal: '交易',
  payment: '到账',
  pledge: '质押',
  registration: '产品备案',
  enterprise_figure: '企业年度数据',
  subsidy: '奖补',
  organization: '单位',
  patent: '专利',
  attachment: '附件',
  supply_patent: '专利供给',
  tech_need: '技术需求',
  matchmaking: '对接',
};

const KINDS: Record<string, string> = {
  ...RECORDS,
  draft: '草稿',
  user: '用户',
  settings: '设置',
  anomaly_flag: '异常提示',
  anomaly_flags: '异常提示',
  import: '导入',
  installation: '本机安装',
  login: '登录',
  notice: '通知',
  province_finding: '跨地市审核',
  province_key: '地市安装',
  province_notice: '省级通知',
  region_baseline: '基期值',
  region_target: '目标',
  store: '数据文件',
};

const RECORD_VERBS: Record<string, string> = {
  create: '新增',
  update: '修改',
  void: '作废',
  restore: '恢复',
  add: '添加',
};

const ACTIONS: Record<string, string> = {
  'auth.lock': '登录失败过多，锁定账号',
  'auth.unlock': '解除账号锁定',
  'backup.create': '创建备份',
  'backup.requestRestore': '预约从备份恢复',
  'backup.cancelRestore': '取消预约的恢复',
  'baselines.set': '设置基期值',
  'draft.save': '保存草稿',
  'draft.clear': '清除草稿',
  'flag.decide': '审核异常提示',
  'flag.reopen': '重新打开异常提示',
  'flags.scan': '全面检查',
  'import.file': '从文件导入',
  'notice.send': '发送通知',
  'notice.receive': '收到省级通知',
  'notice.read': '阅读通知',
  'organization.confirmUsccWarning': '确认信用代码提示后仍然保存',
  'province.keyEnrolled': '登记地市安装',
  'province.keyReplaced': '更换地市公钥',
  'province.keyRevoked': '停用地市安装',
  'provinceReview.decide': '跨地市审核结论',
  seed: '生成演示数据',
  'settings.update': '修改设置',
  'settings.read': '查看设置',
  'sync.keyCreated': '生成签名密钥',
  'sync.keyRotated': '更换签名密钥',
  'system.setup': '首次设置',
  'system.restore': '从备份恢复',
  'targets.set': '设置目标',
  'targets.import': '导入目标',
  'targets.send': '下达目标',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.changePassword': '修改本人密码',
  'users.resetPassword': '重置用户密码',
};

/** 新增交易 for `deal.create`, 重置用户密码 for `users.resetPassword`; the code itself when it is not known. */
export function auditActionLabel(action: string): string {
  const fixed = ACTIONS[action];
  if (fixed) return fixed;
  const [kind = '', verb = ''] = action.split('.');
  const record = RECORDS[kind];
  const doing = RECORD_VERBS[verb];
  return record && doing ? `${doing}${record}` : action;
}

/** 交易 for `deal`, 跨地市审核 for `province_finding`; the code itself when it is not known. */
export function auditKindLabel(entity: string): string {
  return KINDS[entity] ?? entity;
}
