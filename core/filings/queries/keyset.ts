import { select, type PlannedRead, type ReadPlan } from '../../store/readPlan';

/** A sort column of a list; `nullable` columns list their empty values last, whatever the direction. */
export interface SortColumn {
  expr: string;
  nullable: boolean;
}

export interface KeysetQuery {
  /** Columns of a row, without the sort value. */
  select: string;
  /** FROM clause with its joins. */
  from: string;
  /** The list's filters with their parameters in order (a Conditions). */
  filter: { where: readonly string[]; params: readonly unknown[] };
  sort: SortColumn;
  /** The unique tie-breaker, e.g. `d.id`. */
  idExpr: string;
}

/** Which page a caller asks for: after `cursor`, newest first and 100 rows unless it says otherwise. */
export interface PageRequest {
  cursor?: string | null;
  limit?: number;
  direction?: 'asc' | 'desc';
}

/**
 * One page and where the next one starts. The first page also says how many rows match in all (共 N 条), counted once
 * when a list is opened or filtered: at a city's scale (tens of thousands of records) that count is a few
 * milliseconds, while scrolling on stays at the cost of one page.
 */
export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
  /** Every matching row; null on later pages. */
  total: number | null;
}

type Cursor = [value: unknown, id: string];

function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string | null | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') return parsed as Cursor;
  } catch {
    // A cursor from an older version of the list: start from the top.
  }
  return null;
}

type Params = PlannedRead['params'];

const SORT_VALUE = '__sort_value';
const ROW_ID = '__row_id';

/**
 * One page in (sort, id) order, resumed after the cursor with a row-value comparison so that the database walks the
 * sort index from where the last page ended: the cost of a page does not grow with its depth. Empty values of a
 * nullable sort column come after the others, walked in id order. The SQL suits both dialects.
 */
export function* keysetPage<T extends Record<string, unknown>>(
  pageRequest: PageRequest,
  q: KeysetQuery,
): ReadPlan<Page<T>> {
  const ascending = pageRequest.direction === 'asc';
  const dir = ascending ? 'ASC' : 'DESC';
  const cmp = ascending ? '>' : '<';
  const limit = pageRequest.limit ?? 100;
  const cursor = decodeCursor(pageRequest.cursor);
  const head = `SELECT ${q.select}, ${q.sort.expr} AS ${SORT_VALUE}, ${q.idExpr} AS ${ROW_ID} FROM ${q.from}`;
  const run = (extra: string[], extraParams: unknown[], rowCount: number) => {
    const where = [...q.filter.where, ...extra];
    const order = `${q.sort.expr} ${dir}, ${q.idExpr} ${dir}`;
    const sql = `${head}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${rowCount}`;
    return select<T & Record<string, unknown>>(sql, [...q.filter.params, ...extraParams] as Params);
  };

  const rows: (T & Record<string, unknown>)[] = [];
  const inNullTail = cursor !== null && cursor[0] === null && q.sort.nullable;
  if (!inNullTail) {
    const extra = q.sort.nullable ? [`${q.sort.expr} IS NOT NULL`] : [];
    const params: unknown[] = [];
    if (cursor) {
      extra.push(`(${q.sort.expr}, ${q.idExpr}) ${cmp} (?, ?)`);
      params.push(cursor[0], cursor[1]);
    }
    rows.push(...(yield* run(extra, params, limit + 1)));
  }
  if (q.sort.nullable && rows.length <= limit) {
    const extra = [`${q.sort.expr} IS NULL`];
    const params: unknown[] = [];
    if (inNullTail && cursor) {
      extra.push(`${q.idExpr} ${cmp} ?`);
      params.push(cursor[1]);
    }
    rows.push(...(yield* run(extra, params, limit + 1 - rows.length)));
  }

  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  let total: number | null = cursor ? null : page.length;
  if (!cursor && more) {
    const where = q.filter.where.length ? ` WHERE ${q.filter.where.join(' AND ')}` : '';
    const [counted] = yield* select<{ n: number }>(
      `SELECT count(*) AS n FROM ${q.from}${where}`,
      q.filter.params as Params,
    );
    total = counted?.n ?? 0;
  }
  return {
    total,
    rows: page.map((row) => {
      const { [SORT_VALUE]: _sort, [ROW_ID]: _id, ...rest } = row;
      return rest as unknown as T;
    }),
    nextCursor: more && last ? encodeCursor(last[SORT_VALUE] ?? null, String(last[ROW_ID])) : null,
  };
}
