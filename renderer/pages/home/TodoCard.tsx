import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCall } from '../../data/useCall';
import { rejectionsLeft } from '../sync/BatchTable';

/** What waits for this desk today, each count opening the list it counts. */
export function TodoCard() {
  const navigate = useNavigate();
  const queue = useCall('review.queue', { status: '待审核', limit: 1 });
  const sync = useCall('sync.overview', {});
  // A refusal is said quietly in the card's corner: the home page is not the place for an error toast.
  const failed = queue.error !== null || sync.error !== null;
  // The counts show together, once both are known.
  const todo =
    queue.value && sync.value
      ? {
          reviews: queue.value.total,
          toSync: sync.value.pendingRecords,
          rejections: rejectionsLeft(sync.value.batches),
        }
      : null;

  const items = [
    { key: 'reviews', title: '待审核的异常', value: todo?.reviews, path: '/review', warn: false },
    { key: 'toSync', title: '待报送的记录', value: todo?.toSync, path: '/sync', warn: false },
    { key: 'rejections', title: '省级拒收待更正', value: todo?.rejections, path: '/sync', warn: true },
  ] as const;
  return (
    <Card title="待办" extra={failed ? '待办数量暂时无法读取' : null}>
      <Row gutter={16}>
        {items.map((item) => (
          <Col span={8} key={item.key}>
            <a onClick={() => navigate(item.path)} data-testid={`todo-${item.key}`} aria-label={item.title}>
              <Statistic
                title={item.title}
                value={item.value ?? '—'}
                suffix={item.value === undefined ? null : '条'}
                valueStyle={item.warn && (item.value ?? 0) > 0 ? { color: '#cf1322' } : undefined}
              />
            </a>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
