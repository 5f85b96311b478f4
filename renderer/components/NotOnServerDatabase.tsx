import { Card, Result } from 'antd';
import type { ReactNode } from 'react';

/**
 * A part of the province's workbench not served on its PostgreSQL database yet: said on the page, rather than an
 * error on every call it would make. What the cities reported is stored there all the same.
 */
export function NotOnServerDatabase({ title, detail, extra }: { title: string; detail: string; extra?: ReactNode }) {
  return (
    <Card>
      <Result status="info" title={title} subTitle={detail} extra={extra} />
    </Card>
  );
}
