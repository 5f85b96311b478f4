import { Tag } from 'antd';
import type { MatchReason } from '../../../shared/contract/matching';

const COLOR: Record<MatchReason['kind'], string> = {
  industry: 'blue',
  ipc: 'geekblue',
  keywords: 'green',
  text: 'default',
  region: 'orange',
  size: 'purple',
};

/** Why a candidate ranks where it does, one tag per reason. */
export function ReasonTags({ reasons }: { reasons: MatchReason[] }) {
  return (
    <span data-testid="reasons">
      {reasons.map((r) => (
        <Tag key={r.text} color={COLOR[r.kind]} style={{ marginBottom: 4 }}>
          {r.text}
        </Tag>
      ))}
    </span>
  );
}
