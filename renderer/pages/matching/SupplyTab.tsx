import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SupplyRow } from '../../../shared/contract/matching';
import { ExportButton } from '../../components/export/ExportButton';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { region, wan } from '../filings/format';
import { useRecordsPlace } from '../filings/recordsPlace';
import { DealFromPool } from './DealFromPool';
import { PoolToolbar } from './PoolToolbar';
import { useEditing } from './useEditing';
import { PoolTable } from './PoolTable';
import { regionFilter } from './regionFilter';
import { SupplyForm } from './SupplyForm';

const STATUS_COLOR: Record<SupplyRow['status'], string> = {
  在库: 'blue',
  对接中: 'orange',
  已成交: 'green',
  撤回: 'default',
};

export const openTerms = (s: SupplyRow) =>
  s.openLicense ? `${wan(s.openLicenseFeeFen)} · ${s.openLicenseYears ?? '—'} 年` : '—';

/** The pool's columns as exported (xlsx or CSV through core/exporting). */
function poolTable(rows: SupplyRow[]) {
  return {
    title: '专利供给库',
    columns: [
      '专利号',
      '专利名称',
      '权利人',
      '所在地',
      '所属产业',
      'IPC分类号',
      '关键词',
      '转化意向与报价',
      '开放许可',
      '状态',
      '关联交易',
    ],
    rows: rows.map((s) => [
      s.patentNumber,
      s.title,
      s.ownerName,
      region(s.ownerRegion),
      s.industry,
      s.ipcClass,
      s.keywords,
      s.askingTerms,
      openTerms(s),
      s.status,
      s.dealContracts.join('、'),
    ]),
  };
}

/**
 * 专利供给: the pool (or only its open licenses), with add, edit, matches and — for open licenses — 取得许可. At the
 * province: every city's pool, read-only, each patent opening its likely licensees in every city.
 */
export function SupplyTab({ openOnly = false }: { openOnly?: boolean }) {
  const navigate = useNavigate();
  const { canEdit, atProvince } = useRecordsPlace();
  const [search, setSearch] = useState('');
  const [taking, setTaking] = useState<SupplyRow | null>(null);
  // Read again after a save or a license taken; the table keeps its rows meanwhile.
  const pool = useCall('matching.supply.list', { search: search || null, openLicenseOnly: openOnly });
  useShownError(pool.error);
  const rows = pool.latest?.rows ?? [];
  const total = pool.latest?.total ?? 0;
  const editing = useEditing<SupplyRow>(pool.reload);
  return (
    <>
      <PoolToolbar
        placeholder="专利号、名称、权利人或关键词"
        label={openOnly ? '搜索开放许可' : '搜索专利供给'}
        onSearch={setSearch}
        addLabel={!openOnly && canEdit ? '新增专利供给' : null}
        onAdd={() => editing.edit('new')}
      >
        <ExportButton source={() => ({ table: poolTable(rows) })} rowCount={rows.length} />
        <span>共 {total} 件</span>
      </PoolToolbar>
      <PoolTable<SupplyRow>
        rows={rows}
        atProvince={atProvince}
        columns={[
          { title: '专利号', dataIndex: 'patentNumber', width: 150 },
          { title: '专利名称', dataIndex: 'title', ellipsis: true },
          { title: '权利人', dataIndex: 'ownerName', width: 170, ellipsis: true },
          {
            title: '所在地',
            dataIndex: 'ownerRegion',
            width: 90,
            render: region,
            ...regionFilter(rows, (s) => s.ownerRegion),
          },
          { title: '产业', dataIndex: 'industry', width: 130 },
          openOnly
            ? { title: '开放许可条件', key: 'terms', width: 170, render: (_: unknown, s: SupplyRow) => openTerms(s) }
            : {
                title: '状态',
                dataIndex: 'status',
                width: 80,
                render: (v: SupplyRow['status']) => <Tag color={STATUS_COLOR[v]}>{v}</Tag>,
              },
          {
            title: '关联交易',
            key: 'deals',
            width: 120,
            render: (_: unknown, s: SupplyRow) => s.dealContracts.join('、') || '—',
          },
          {
            title: '操作',
            key: 'actions',
            width: canEdit ? (openOnly ? 200 : 170) : 100,
            render: (_: unknown, s: SupplyRow) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => navigate(`/matching/supply/${s.id}`)}>
                  推荐企业
                </Button>
                {canEdit &&
                  (openOnly ? (
                    <Button size="small" type="link" onClick={() => setTaking(s)}>
                      取得许可
                    </Button>
                  ) : (
                    <Button size="small" type="link" onClick={() => editing.edit(s)}>
                      修改
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {editing.open && <SupplyForm editing={editing.row} onClose={editing.close} onSaved={editing.saved} />}
      {taking && (
        <DealFromPool
          supply={taking}
          onClose={() => setTaking(null)}
          onSaved={() => {
            setTaking(null);
            pool.reload();
          }}
        />
      )}
    </>
  );
}
