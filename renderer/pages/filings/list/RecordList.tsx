import { App, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type SortState, VirtualTable } from '../../../components/VirtualTable';
import { callKind, type ListPage } from '../calls';
import type { KindSpec, ListRow } from '../kinds';
import { FilterBar, type Filters } from './FilterBar';

const PAGE = 200;

function filtersFromUrl(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year > 0) filters.year = year;
  for (const key of ['industry', 'search'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** One kind's list: filters and sort go to core, pages arrive as the user scrolls. */
export function RecordList({ spec }: { spec: KindSpec }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  // Other screens link here with filters in the URL (统计图表 → the deals of a year or an industry).
  const [filters, setFilters] = useState<Filters>(() => ({ status: 'active', ...filtersFromUrl(searchParams) }));
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
