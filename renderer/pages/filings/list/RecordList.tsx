import { App, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ExportList } from '../../../../shared/contract/exporting';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { ExportButton } from '../../../components/export/ExportButton';
import { type SortState, VirtualTable } from '../../../components/VirtualTable';
import { listKind } from '../calls';
import type { KindSpec, ListRow } from '../kinds';
import { FilterBar, type Filters } from './FilterBar';
import { useRecordsPlace } from '../recordsPlace';

const PAGE = 200;

/** The export of each list (yearly figures are `enterpriseFigures` there). */
const EXPORT_OF: Record<KindSpec['key'], ExportList> = {
  deals: 'deals',
  pledges: 'pledges',
  registrations: 'registrations',
  figures: 'enterpriseFigures',
  subsidies: 'subsidies',
};

/** The filters as core takes them: empty ones left out. */
function queryOf(filters: Filters): Filters {
  const query = { ...filters };
  for (const key of Object.keys(query) as (keyof Filters)[])
    if (query[key] === null || query[key] === undefined || query[key] === '') delete query[key];
  return query;
}

function filtersFromUrl(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year > 0) filters.year = year;
  for (const [key, filter] of [
    ['search', 'search'],
    ['region', 'regionCode'],
  ] as const) {
    const value = params.get(key);
    if (value) filters[filter] = value;
  }
  const industry = INDUSTRIES.find((i) => i === params.get('industry'));
  if (industry) filters.industry = industry;
  return filters;
}

/** One kind's list: filters and sort go to core, pages arrive as the user scrolls. */
export function RecordList({ spec }: { spec: KindSpec }) {
  const navigate = useNavigate();
  const { base } = useRecordsPlace();
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  // Other screens link here with filters in the URL (统计图表 → the deals of a year or an industry; the province's home → a region's records).
  const [filters, setFilters] = useState<Filters>(() => ({ status: 'active', ...filtersFromUrl(searchParams) }));
  const [sort, setSort] = useState<SortState>({ key: spec.defaultSort, direction: 'desc' });
  const [rows, setRows] = useState<ListRow[]>([]);
  const [complete, setComplete] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
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
        const page = await listKind(spec.key, {
          filters: queryOf(filters),
          sort: sort.key,
          direction: sort.direction,
          limit: PAGE,
          cursor: fresh ? null : cursor.current,
        });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setRows((before) => (fresh ? page.rows : [...before, ...page.rows]));
        setComplete(page.nextCursor === null);
        if (fresh) setTotal(page.total);
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
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
        <FilterBar spec={spec} filters={filters} onChange={setFilters} />
        {/* Exactly what the list shows: its filters and its order. */}
        <ExportButton
          source={() => ({
            list: EXPORT_OF[spec.key],
            filters: { ...queryOf(filters), sort: sort.key, direction: sort.direction },
          })}
          rowCount={total}
        />
      </div>
      <VirtualTable<ListRow>
        rows={rows}
        rowKey={(r) => r.id}
        columns={spec.columns}
        loading={loading}
        sort={sort}
        onSortChange={setSort}
        onEndReached={() => void load(false)}
        onRowOpen={(r) => navigate(`${base}/${spec.key}/${r.id}`)}
        rowMuted={(r) => r.voidedAt !== null}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="list-total">
        {total === null
          ? ''
          : `共 ${total.toLocaleString('zh-CN')} 条${complete ? '' : `，已显示 ${rows.length.toLocaleString('zh-CN')} 条，向下滚动继续加载`}`}
      </Typography.Text>
    </div>
  );
}
