import { Link } from 'react-router-dom';

/** Where targets are set: 设置 → 目标与基期. */
export const TARGETS_SETTINGS = '/settings?tab=targets';

/** “尚未设置目标” said plainly, with the way to set it. */
export function NoTarget({ year }: { year: number }) {
  return (
    <span>
      未设 {year} 年目标，<Link to={TARGETS_SETTINGS}>去设置</Link>
    </span>
  );
}
