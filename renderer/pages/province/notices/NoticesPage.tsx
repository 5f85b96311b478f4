import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract/index';
import type { ProvinceNoticeRow } from '../../../../shared/contract/provinceNotices';
import { CITY_REGIONS } from '../../../../shared/domain/regions';
import { useSession } from '../../../app/session';
import { FormField } from '../../../components/FormField';
import { formatDateTime } from '../../../components/formatDateTime';
import { PageHeader } from '../../../components/PageHeader';
import { useCall } from '../../../data/useCall';
import { useShownError } from '../../../data/useShownError';
import { call } from '../../../transport/desk';
import { SubmitForm } from '../../../components/SubmitForm';
import { useSubmit } from '../../../components/modalSubmit';

const sendForm = contract['provinceNotices.send'].input;
type SendInput = z.input<typeof sendForm>;

/** Per region: 未获取 / 已获取 / 已读, with the times on hover. */
function Receipt({ region }: { region: ProvinceNoticeRow['regions'][number] }) {
  if (region.readAt)
    return (
      <Tag color="green" title={`已读于 ${formatDateTime(region.readAt)}`}>
        {region.name} 已读
      </Tag>
    );
  if (region.fetchedAt)
    return (
      <Tag color="blue" title={`获取于 ${formatDateTime(region.fetchedAt)}`}>
        {region.name} 已获取
      </Tag>
    );
  return <Tag>{region.name} 未获取</Tag>;
}

function SendNotice({ onSent }: { onSent: (rows: ProvinceNoticeRow[]) => void }) {
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<SendInput>({
    resolver: zodResolver(sendForm),
    defaultValues: { title: '', body: '', regions: [] },
  });
  const submit = useSubmit(handleSubmit, setError, async (input) => {
    const { rows } = await call('provinceNotices.send', input);
    message.success(
      `通知已发出，将随各地市下次同步送达（${input.regions?.length ? `${input.regions.length} 个地区` : '全部地区'}）`,
    );
    reset({ title: '', body: '', regions: [] });
    onSent(rows);
  });
  return (
    <SubmitForm onSubmit={submit}>
      <FormField
        control={control}
        name="regions"
        label="接收地区"
        extra="不选即发给全部 12 个地区"
        render={(field) => (
          <Select
            {...field}
            mode="multiple"
            allowClear
            aria-label="接收地区"
            placeholder="全部地区"
            options={CITY_REGIONS.map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
      />
      <FormField
        control={control}
        name="title"
        label="标题"
        required
        render={(field) => <Input {...field} aria-label="通知标题" maxLength={60} />}
      />
      <FormField
        control={control}
        name="body"
        label="内容"
        required
        render={(field) => <Input.TextArea {...field} aria-label="通知内容" rows={4} maxLength={2000} showCount />}
      />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
        发送通知
      </Button>
    </SubmitForm>
  );
}

/** 通知: free text to one city or all, delivered with each city's next sync; per city whether it was fetched and read. */
export function NoticesPage() {
  const { user } = useSession();
  // A sending hands back the list with the new notice: shown at once, no second read.
  const notices = useCall('provinceNotices.list', {});
  useShownError(notices.error);
  const rows = notices.latest?.rows;
  const maySend = user.role === '审核员' || user.role === '管理员';
  return (
    <>
      <PageHeader
        title="通知"
        description="向一个、几个或全部地市发送通知；地市同步时获取，在其首页显示直至有人标为已读，已读回执随其下次同步回到省级。"
      />
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {maySend && (
          <Card size="small" title="发送通知">
            <SendNotice onSent={(sent) => notices.replace({ rows: sent })} />
          </Card>
        )}
        <Card size="small" title="已发通知">
          <Table<ProvinceNoticeRow>
            size="small"
            rowKey="id"
            loading={rows === undefined && !notices.error}
            dataSource={rows ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '尚未发送通知' }}
            columns={[
              { title: '发送时间', dataIndex: 'sentAt', width: 150, render: (v: string) => formatDateTime(v) },
              { title: '标题', dataIndex: 'title', width: 180 },
              {
                title: '内容',
                dataIndex: 'body',
                render: (v: string) => (
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                    {v}
                  </Typography.Paragraph>
                ),
              },
              { title: '发送人', dataIndex: 'sentBy', width: 100 },
              {
                title: '各地获取与阅读',
                dataIndex: 'regions',
                width: 420,
                render: (_, r) => (
                  <Space size={[0, 4]} wrap>
                    {r.regions.map((g) => (
                      <Receipt key={g.code} region={g} />
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
