import { Card, Col, Descriptions, Empty, Row, Tag } from 'antd';
import type { FlagDealView } from '../../../shared/contract/rules';
import { regionName } from '../../../shared/domain/regions';
import { formatWan as wan } from '../../../shared/domain/money';

/** The deals a flag concerns, next to each other (both legs of a round trip, both copies of a duplicate …). */
export function DealsSideBySide({ deals }: { deals: FlagDealView[] }) {
  if (deals.length === 0) return <Empty description="所涉交易不在本机（来自其他地市），详见下方证据" />;
  const span = deals.length === 1 ? 24 : deals.length === 2 ? 12 : 8;
  return (
    <Row gutter={[12, 12]}>
      {deals.map((d, i) => (
        <Col span={span} key={d.id}>
          <Card
            size="small"
            title={`${deals.length > 1 ? `第 ${i + 1} 笔：` : ''}合同 ${d.contractNo}`}
            extra={d.voided ? <Tag>已作废</Tag> : null}
          >
            <Descriptions size="small" column={1} styles={{ label: { width: 96 } }}>
              <Descriptions.Item label="类型">
                {d.kind}
                {d.licenseMode ? `（${d.licenseMode}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="让与方">
                {d.assignor}
                {d.assignorUscc ? `（${d.assignorUscc}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="受让方">
                {d.assignee}
                {d.assigneeUscc ? `（${d.assigneeUscc}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="合同日期">{d.contractDate}</Descriptions.Item>
              <Descriptions.Item label="备案日期">{d.recordationDate ?? '未备案'}</Descriptions.Item>
              <Descriptions.Item label="成交金额">{wan(d.amountFen)}</Descriptions.Item>
              <Descriptions.Item label="实际到账">{wan(d.receivedFen)}</Descriptions.Item>
              <Descriptions.Item label="专利">
                {d.patents.map((p) => `${p.number}（${p.type}，${p.status}）`).join('；')}
              </Descriptions.Item>
              <Descriptions.Item label="地区">{regionName(d.regionCode) ?? d.regionCode}</Descriptions.Item>
              <Descriptions.Item label="录入人">{d.enteredBy ?? '导入 / 命令行'}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
