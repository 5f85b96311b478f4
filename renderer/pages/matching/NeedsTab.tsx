import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NeedRow } from '../../../shared/contract/matching';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { region, wan } from '../filings/format';
import { useRecordsPlace } from '../filings/recordsPlace';
import { NeedForm } from './NeedForm';
import { PoolToolbar } from './PoolToolbar';
import { useEditing } from './useEditing';
import { PoolTable } from './PoolTable';
import { regionFilter } from './regionFilter';

/**
 * 技术需求: the needs of the survey, with add, edit and the ranked patents for each. At the province: every city's
 * needs, read-only, each opening its ranked patents from every city's pool.
 */
export function NeedsTab() {
  const navigate = useNavigate();
  const { canEdit, atProvince } = useRecordsPlace();
  const [search, setSearch] = useState('');
  // Read again after a save; the table keeps its rows meanwhile.
  const needs = useCall('matching.needs.list', { search: search || null });
  useShownError(needs.error);
  const rows = needs.latest?.rows ?? [];
  const editing = useEditing<NeedRow>(needs.reload);
  return (
    <>
      <PoolToolbar
        placeholder="需求编号、企业或需求内容"
        label="搜索技术需求"
        onSearch={setSearch}
        addLabel={canEdit ? '新增技术需求' : null}
        onAdd={() => editing.edit('new')}
      />
      <PoolTable<NeedRow>
        rows={rows}
        atProvince={atProvince}
        columns={[
          { title: '需求编号', dataIndex: 'needNo', width: 120 },
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            width: 200,
            ellipsis: true,
            render: (v: string, n: NeedRow) => (
              <>
                {v} {n.enterpriseSize && <Tag>{n.enterpriseSize}</Tag>}
              </>
            ),
          },
          {
            title: '所在地',
            dataIndex: 'enterpriseRegion',
            width: 90,
            render: region,
            ...regionFilter(rows, (n) => n.enterpriseRegion),
          },
          { title: '需求描述', dataIndex: 'needText', ellipsis: true },
          { title: '预算', dataIndex: 'budgetFen', width: 110, render: wan },
          { title: '紧迫', dataIndex: 'urgency', width: 60 },
          {
            title: '操作',
            key: 'actions',
            width: canEdit ? 160 : 100,
            render: (_: unknown, n: NeedRow) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => navigate(`/matching/needs/${n.id}`)}>
                  匹配专利
                </Button>
                {canEdit && (
                  <Button size="small" type="link" onClick={() => editing.edit(n)}>
                    修改
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing.open && <NeedForm editing={editing.row} onClose={editing.close} onSaved={editing.saved} />}
    </>
  );
}
