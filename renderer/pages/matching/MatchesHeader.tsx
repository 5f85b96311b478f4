import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';

/** The top of a ranking (a need's patents, a patent's enterprises): its title, and what it ranks for, four a line. */
export function MatchesHeader({
  title,
  description,
  extra,
  facts,
}: {
  title: string;
  description: string;
  extra: ReactNode;
  facts: DescriptionsProps['items'];
}) {
  return (
    <>
      <PageHeader title={title} description={description} extra={extra} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={4} items={facts} />
      </Card>
    </>
  );
}
