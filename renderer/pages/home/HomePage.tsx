import { Card, Col, Row, Steps, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { FunnelCard } from '../matching/FunnelCard';
import { TodoCard } from './TodoCard';
import { NoticesCard } from './NoticesCard';

/** The usual order of a caseworker's work, each step opening its section. */
const DAILY_STEPS = [
  {
    to: '/filings',
    title: '备案登记',
    description: '录入或从 Excel 导入专利转让、许可、作价入股，质押融资、产品备案、企业年度数据和奖补。',
  },
  {
    to: '/matching',
    title: '供需对接',
    description: '登记可转化的专利和企业技术需求，查看匹配推荐，记录对接并登记成交。',
  },
  {
    to: '/review',
    title: '异常审核',
    description: '系统在保存和导入时自动检查异常交易；审核员逐条确认或排除。',
  },
  {
    to: '/sync',
    title: '数据同步',
    description: '将本地记录以签名批次报送省级，可联网发送，也可导出文件用移动介质报送。',
  },
  {
    to: '/charts',
    title: '统计图表',
    description: '查看各项指标相对省定目标的进度和增幅。',
  },
  {
    to: '/evaluation',
    title: '成效评价',
    description: '生成并打印本地区的成效评价表。',
  },
];

/** Where a caseworker starts the day: what this desk is for and the usual order of work. */
export function HomePage() {
  const { status, user } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="首页"
        description={`${user.displayName}，您好。本机为${status.region?.name ?? ''}的专利转化专项工作台，今天是 ${status.today}。`}
      />
      <NoticesCard />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <TodoCard />
        </Col>
        <Col xs={24} xl={14}>
          <Card title="日常工作顺序">
            <Steps
              direction="vertical"
              size="small"
              current={-1}
              items={DAILY_STEPS.map(({ to, title, description }) => ({
                title: <a onClick={() => navigate(to)}>{title}</a>,
                description,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="本机信息">
            <Typography.Paragraph>
              所属地区：{status.region?.name}（{status.region?.code}）
            </Typography.Paragraph>
            <Typography.Paragraph>
              当前用户：{user.displayName}（{user.role}）
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              程序版本 {status.appVersion} · 数据结构版本 {status.schemaVersion}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={24}>
          <FunnelCard />
        </Col>
      </Row>
    </>
  );
}
