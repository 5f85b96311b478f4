import type { QueueFilters, QueueSort } from '../../../shared/contract/rules';
import { call } from '../../transport/desk';

/** What the reviewer set on the queue: kept for the session, so that 返回 and 下一条 follow the same queue. */
export interface QueueView {
  filters: QueueFilters;
  sort?: QueueSort;
}

const KEY = 'patent-desk.review-queue';
const DEFAULT_VIEW: QueueView = { filters: { status: '待审核' } };

export function loadQueueView(): QueueView {
  try {
    const saved = sessionStorage.getItem(KEY);
    return saved ? (JSON.parse(saved) as QueueView) : DEFAULT_VIEW;
  } catch {
    return DEFAULT_VIEW;
  }
}

export function saveQueueView(view: QueueView): void {
  sessionStorage.setItem(KEY, JSON.stringify(view));
}

/** The next flag of the queue as the reviewer left it that is still waiting and theirs to decide; null when none. */
export async function nextFlagId(currentId: string): Promise<string | null> {
  const { filters, sort } = loadQueueView();
  const { rows } = await call('review.queue', { ...filters, sort, offset: 0, limit: 100 });
  const next = rows.find(
    (r) => r.id !== currentId && !r.enteredByYou && (r.status === '待审核' || r.status === '需补充材料'),
  );
  return next?.id ?? null;
}
