import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';

export interface VirtualColumn<T> {
  key: string;
  title: string;
  /** CSS grid track, e.g. '120px' or '2fr'. */
  width: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** Set when the list can be sorted by this column. */
  sortKey?: string;
}

export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

const ROW_HEIGHT = 40;

/**
 * A table that renders only the rows on screen, so a list of a million records scrolls as lightly as ten; asks for
 * the next page when the end comes into view. Rows are links: click or Enter opens one.
 */
export function VirtualTable<T>(props: {
  rows: T[];
  rowKey: (row: T) => string;
  columns: VirtualColumn<T>[];
  onRowOpen: (row: T) => void;
  onEndReached?: () => void;
  loading?: boolean;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  height?: number | string;
  rowMuted?: (row: T) => boolean;
  emptyText?: ReactNode;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  const { onEndReached, rows, loading } = props;
  useEffect(() => {
    if (last && last.index >= rows.length - 20 && !loading) onEndReached?.();
  }, [last, rows.length, loading, onEndReached]);

  const template = props.columns.map((c) => c.width).join(' ');
  const headerCell = (c: VirtualColumn<T>) => {
    const active = props.sort && c.sortKey === props.sort.key;
    const next: SortState | null = c.sortKey
      ? { key: c.sortKey, direction: active && props.sort?.direction === 'desc' ? 'asc' : 'desc' }
      : null;
    return (
      <div
        key={c.key}
        role="columnheader"
        aria-sort={active ? (props.sort?.direction === 'asc' ? 'ascending' : 'descending') : undefined}
        onClick={next ? () => props.onSortChange?.(next) : undefined}
        style={{
          padding: '0 8px',
          textAlign: c.align ?? 'left',
          cursor: next ? 'pointer' : 'default',
          userSelect: 'none',
          whiteSpace: 'nowrap',
        }}
      >
        {c.title}
        {active && (props.sort?.direction === 'asc' ? <CaretUpOutlined /> : <CaretDownOutlined />)}
      </div>
    );
  };

  return (
    <div role="table" style={{ border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff' }}>
      <div
        role="row"
        style={{
          display: 'grid',
          gridTemplateColumns: template,
          height: 40,
          alignItems: 'center',
          background: '#fafafa',
          fontWeight: 600,
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        {props.columns.map(headerCell)}
      </div>
      <div ref={scroller} style={{ height: props.height ?? 'calc(100vh - 380px)', minHeight: 240, overflow: 'auto' }}>
        {props.rows.length === 0 && !props.loading && (
          <Empty style={{ marginTop: 48 }} description={props.emptyText ?? '没有符合条件的记录'} />
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = props.rows[item.index] as T;
            return (
              <div
                key={props.rowKey(row)}
                role="row"
                tabIndex={0}
                onClick={() => props.onRowOpen(row)}
                onKeyDown={(e) => e.key === 'Enter' && props.onRowOpen(row)}
                className="virtual-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: template,
                  alignItems: 'center',
                  borderBottom: '1px solid #f5f5f5',
                  cursor: 'pointer',
                  color: props.rowMuted?.(row) ? '#aaa' : undefined,
                  background: item.index % 2 ? '#fcfcfc' : undefined,
                }}
              >
                {props.columns.map((c) => {
                  const content = c.render(row);
                  // A cell too narrow for its text still says it whole on hover.
                  const whole =
                    typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
                  return (
                    <div
                      key={c.key}
                      role="cell"
                      title={whole}
                      style={{
                        padding: '0 8px',
                        textAlign: c.align ?? 'left',
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                      }}
                    >
                      {content}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {props.loading && <Spin style={{ display: 'block', margin: 12 }} />}
      </div>
    </div>
  );
}
