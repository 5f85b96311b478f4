import { Card, Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty state that tells the user what to do next. */
export function EmptyHint({ title, next, action }: { title: string; next: ReactNode; action?: ReactNode }) {
  return (
    <Card>
      <Empty
        description={
          <div>
            <div style={{ fontSize: 15, marginBottom: 4 }}>{title}</div>
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>{next}</div>
          </div>
        }
      >
        {action}
      </Empty>
    </Card>
  );
}
