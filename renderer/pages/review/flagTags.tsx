import { Tag } from 'antd';
import type { FlagSource, FlagStatus } from '../../../shared/rules/ruleIds';

const STATUS_COLORS: Record<FlagStatus, string> = {
  待审核: 'orange',
  确认异常: 'red',
  排除: 'default',
  需补充材料: 'blue',
};

export function StatusTag({ status, active = true }: { status: FlagStatus; active?: boolean }) {
  return (
    <>
      <Tag color={STATUS_COLORS[status]}>{status}</Tag>
      {!active && <Tag>已不再命中</Tag>}
    </>
  );
}

/** 省级反馈 stands out: those flags come from the province's cross-city rules, not from this desk. */
export function SourceTag({ source }: { source: FlagSource }) {
  return source === '省级反馈' ? <Tag color="purple">省级反馈</Tag> : <Tag>本地</Tag>;
}

/** How long a flag has waited: 今天 rather than “0 天前”. */
export const ageText = (days: number) => (days === 0 ? '今天' : `${days} 天前`);
