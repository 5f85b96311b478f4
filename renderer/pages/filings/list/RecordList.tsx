import { App, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { type SortState, VirtualTable } from '../../../components/VirtualTable';
import { callKind, type ListPage } from '../calls';
import type { KindSpec, ListRow } from '../kinds';
import { FilterBar, type Filters } from './FilterBar';

const PAGE = 200;

/** One kind's list: filters and sort go to core, pages arrive as the user scrolls. */
export function RecordList({ spec }: { spec: KindSpec }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ status: 'active' });
  const [sort, setSort] = useState<SortState>({ key: spec.defaultSort, direction: 'desc' });
  const [rows, setRows] = useState<ListRow[]>([]);
  const [complete, setComplete] = useState(false);
  const [loading, setLoading] = useState(false);
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const fetchingMore = useRef(false);

  const load = useCallback(
    async (fresh: boolean) => {
      if (!fresh && (cursor.current === null || fetchingMore.current)) return;
      if (!fresh) fetchingMore.current = true;
      const mine = fresh ? ++generation.current : generation.current;
      setLoading(true);
      try {
        const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null && v !== undefined && v !== ''));
        const page = await callKind<ListPage>(spec.key, 'list', { ...query, sort: sort.key, direction: sort.direction, limit: PAGE, cursor: fresh ? null : cursor.current });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setRows((before) => (fresh ? page.rows : [...before, ...page.rows]));
        setComplete(page.nextCursor === null);
      } catch (error) {
        message.error((error as Error).message);
      } finally {
        if (!fresh) fetchingMore.current = false;
        if (mine === generation.current) setLoading(false);
      }
    },
    [filters, sort, spec.key, message],
  );

  useEffect(() => {
    cursor.current = null;
    void load(true);
  }, [load]);

  return (
    <div>
      <FilterBar spec={spec} filters={filters} onChange={setFilters} />
      <VirtualTable<ListRow>
        rows={rows}
        rowKey={(r) => r.id}
        columns={spec.columns}
        loading={loading}
        sort={sort}
        onSortChange={setSort}
        onEndReached={() => void load(false)}
        onRowOpen={(r) => navigate(`/filings/${spec.key}/${r.id}`)}
        rowMuted={(r) => r.voidedAt !== null}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="list-total">
        {loading && rows.length === 0 ? '' : complete ? `共 ${rows.length.toLocaleString('zh-CN')} 条` : `已显示 ${rows.length.toLocaleString('zh-CN')} 条，向下滚动继续加载`}
      </Typography.Text>
    </div>
  );
}
