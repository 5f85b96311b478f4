import { Card, Col, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { call } from '../../transport/desk';
import { rejectionsLeft } from '../sync/BatchTable';

interface Todo {
  reviews: number;
  toSync: number;
  rejections: number;
}

/** What waits for this desk today, each count opening the list it counts. */
export function TodoCard() {
  const navigate = useNavigate();
  const [todo, setTodo] = useState<Todo | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([call('review.queue', { status: '待审核', limit: 1 }), call('sync.overview', {})]).then(
      ([queue, sync]) => live && setTodo({ reviews: queue.total, toSync: sync.pendingRecords, rejections: rejectionsLeft(sync.batches) }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

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
