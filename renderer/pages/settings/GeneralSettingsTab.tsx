import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { generalSettings } from '../../../shared/contract/system';
import { useSession } from '../../app/session';
import { FormField } from '../../components/FormField';
import { call } from '../../transport/desk';

type General = z.input<typeof generalSettings>;

export function GeneralSettingsTab() {
  const { status, user } = useSession();
  const { message } = App.useApp();
  const { control, handleSubmit, reset, formState } = useForm<General>({
    resolver: zodResolver(generalSettings),
    defaultValues: { provinceEndpointUrl: '' },
  });
  useEffect(() => {
    call('settings.getGeneral', {}).then(reset, (e: Error) => message.error(e.message));
  }, [reset, message]);
  const save = handleSubmit(async (value) => {
    try {
      reset(await call('settings.updateGeneral', value));
      message.success('已保存');
    } catch (error) {
      message.error((error as Error).message);
    }
  });
  const readOnly = user.role !== '管理员';
  return (
    <Card>
      <Descriptions column={1} size="small" style={{ marginBottom: 16, maxWidth: 640 }}>
        <Descriptions.Item label="本机所属地区">{status.region?.name}（{status.region?.code}）</Descriptions.Item>
        <Descriptions.Item label="本机编号">{status.installationId}</Descriptions.Item>
        <Descriptions.Item label="程序版本">{status.appVersion}</Descriptions.Item>
      </Descriptions>
      <Form layout="vertical" style={{ maxWidth: 640 }} onSubmitCapture={(e) => { e.preventDefault(); void save(); }}>
        <FormField control={control} name="provinceEndpointUrl" label="省级接口地址" extra="由省级主管部门提供，例如 https://ip.shanxi.example/；离线办公时可留空，改用“数据同步 → 导出报送文件”。"
          render={(field) => <Input {...field} aria-label="省级接口地址" disabled={readOnly} placeholder="https://" />} />
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
            保存
          </Button>
        )}
      </Form>
    </Card>
  );
}
