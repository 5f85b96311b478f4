import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Descriptions, Input, InputNumber } from 'antd';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { generalSettings } from '../../../shared/contract/system';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { useSession } from '../../app/session';
import { FormField } from '../../components/FormField';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';
import { useFormFollows } from '../../components/useFormFollows';

type General = z.input<typeof generalSettings>;

export function GeneralSettingsTab() {
  const { status, user } = useSession();
  const { control, handleSubmit, reset } = useForm<General>({
    resolver: zodResolver(generalSettings),
    defaultValues: { provinceEndpointUrl: '', sessionIdleMinutes: 30 },
  });
  // The fields wait for the stored values: typing before they arrive would be overwritten by them. A save hands
  // back what was stored, shown at once.
  const { value: stored, error, replace } = useCall('settings.getGeneral', {});
  useShownError(error);
  const loaded = stored !== undefined;
  useFormFollows(stored, reset);
  const { run, pending } = useAction();
  const save = handleSubmit((value) => run(async () => replace(await call('settings.updateGeneral', value)), '已保存'));
  const readOnly = user.role !== '管理员';
  return (
    <Card>
      <Descriptions column={1} size="small" style={{ marginBottom: 16, maxWidth: 640 }}>
        <Descriptions.Item label="本机所属地区">
          {status.region?.name}（{status.region?.code}）
        </Descriptions.Item>
        <Descriptions.Item label="本机编号">{status.installationId}</Descriptions.Item>
        <Descriptions.Item label="程序版本">{status.appVersion}</Descriptions.Item>
      </Descriptions>
      <SubmitForm onSubmit={save} style={{ maxWidth: 640 }}>
        {status.region?.code !== PROVINCE_CODE && (
          <FormField
            control={control}
            name="provinceEndpointUrl"
            label="省级接口地址"
            extra="由省级主管部门提供，例如 https://ip.shanxi.example/；离线办公时可留空，改用“数据同步 → 导出报送文件”。"
            render={(field) => (
              <Input {...field} aria-label="省级接口地址" disabled={readOnly || !loaded} placeholder="https://" />
            )}
          />
        )}
        <FormField
          control={control}
          name="sessionIdleMinutes"
          label="无操作自动退出登录（分钟）"
          extra="登录后超过这段时间没有任何操作，需重新登录（5–480 分钟，默认 30）。程序重启后也需重新登录。"
          render={(field) => (
            <InputNumber
              {...field}
              value={field.value ?? null}
              precision={0}
              aria-label="无操作自动退出登录（分钟）"
              disabled={readOnly || !loaded}
              style={{ width: 160 }}
            />
          )}
        />
        {!readOnly && (
          <Button type="primary" htmlType="submit" disabled={!loaded} loading={pending}>
            保存
          </Button>
        )}
      </SubmitForm>
    </Card>
  );
}
