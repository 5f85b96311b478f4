import { Alert, Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MethodInput } from '../../../shared/contract/index';
import { formatFenAsWan } from '../../../shared/domain/money';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { useCall } from '../../data/useCall';
import { useRecordsPlace } from '../filings/recordsPlace';

export type DealsQuery = MethodInput<'indicators.deals'> & { title: string };

/** The counted deals behind a bar or a point, with a way into 备案登记 filtered the same way. */
export function DealsDrawer({ query, onClose }: { query: DealsQuery | null; onClose: () => void }) {
  const { title: _title, ...input } = query ?? { title: '' };
  const { value: result, error } = useCall(
    'indicators.deals',
    query ? (input as MethodInput<'indicators.deals'>) : null,
  );

  const { base } = useRecordsPlace();
  const filings = query
    ? `${base}/deals?${new URLSearchParams({
        year: String(query.year),
        ...(query.industry ? { industry: query.industry } : {}),
        ...(query.region !== PROVINCE_CODE ? { region: query.region } : {}),
      })}`
    : `${base}/deals`;
  return (
    <Drawer open={query !== null} onClose={onClose} width={880} title={query?.title ?? ''}>
      {error && <Alert type="error" showIcon message={error} />}
      {result && (
        <>
          <Typography.Paragraph>
            计入本项的交易 {result.total} 笔，涉及专利 {result.patents} 项（按“专利—交易”对计数）
            {result.total > result.rows.length ? `，下表列出最近的 ${result.rows.length} 笔` : ''}。
            <Link to={filings}>
              {base === '/filings' ? '在“备案登记”中查看这一年度的交易' : '查看这一年度的全部交易'}
            </Link>
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 12, showSizeChanger: false }}
            dataSource={result.rows}
            columns={[
              {
                title: '合同编号',
                dataIndex: 'contractNo',
                width: 150,
                render: (no: string, row) => <Link to={`${base}/deals/${row.id}`}>{no}</Link>,
              },
              { title: '类型', dataIndex: 'kind', width: 80 },
              { title: '备案日期', dataIndex: 'recordationDate', width: 110 },
              { title: '让与方', dataIndex: 'assignorName', ellipsis: true },
              { title: '受让方', dataIndex: 'assigneeName', ellipsis: true },
              { title: '产业', dataIndex: 'industry', ellipsis: true, width: 120 },
              { title: '专利（项）', dataIndex: 'patentCount', align: 'right', width: 90 },
              {
                title: '成交金额（万元）',
                dataIndex: 'amountFen',
                align: 'right',
                width: 130,
                render: (fen: number) => formatFenAsWan(fen, 2, { thousands: true }),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
