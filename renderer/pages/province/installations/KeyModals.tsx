import { zodResolver } from '@hookform/resolvers/zod';
import { App, Input, Modal, Select } from 'antd';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract/index';
import type { InstallationView } from '../../../../shared/contract/provinceInstallations';
import { CITY_REGIONS } from '../../../../shared/domain/regions';
import { FormField } from '../../../components/FormField';
import { useModalSubmit } from '../../../components/modalSubmit';
import { call } from '../../../transport/desk';
import { PemField } from './PemField';
import { SubmitForm } from '../../../components/SubmitForm';

const enrollForm = contract['installations.enroll'].input;
const replaceForm = contract['installations.replace'].input;
const revokeForm = contract['installations.revoke'].input;

const REGION_OPTIONS = CITY_REGIONS.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));

/** Enrolls a city installation's key: its region, and the key pasted or picked from its file. */
export function EnrollModal({ open, onClose }: { open: boolean; onClose: (done: boolean) => void }) {
  const { message, modal } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<z.input<typeof enrollForm>>({
    resolver: zodResolver(enrollForm),
    defaultValues: { regionCode: '', publicKeyPem: '' },
  });
  const run = useModalSubmit(setError, reset, onClose);
  const submit = handleSubmit((input) =>
    run(async () => {
      const result = await call('installations.enroll', input);
      if (result.created)
        modal.success({ title: '已登记', content: `公钥指纹：${result.readable}。请与地市电话核对指纹。` });
      else message.info(`该公钥此前已登记（指纹 ${result.readable}）`);
    }),
  );
  return (
    <Modal
      title="登记安装"
      open={open}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okText="登记"
      confirmLoading={formState.isSubmitting}
      destroyOnHidden
      width={560}
    >
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="regionCode"
          label="所属地区"
          required
          render={(field) => (
            <Select
              {...field}
              aria-label="所属地区"
              placeholder="请选择地市或综改区"
              options={REGION_OPTIONS}
              showSearch
              optionFilterProp="label"
            />
          )}
        />
        <FormField
          control={control}
          name="publicKeyPem"
          label="签名公钥"
          required
          extra="地市在“设置 → 签名密钥”中保存的公钥文件，或 patent-desk key 导出的 PEM"
          render={(field) => (
            <PemField value={field.value} onChange={field.onChange} onBlur={field.onBlur} label="签名公钥" />
          )}
        />
      </SubmitForm>
    </Modal>
  );
}

/** A new key for an enrolled installation (key rotated, new computer): it continues the old key's sequence. */
export function ReplaceModal({
  installation,
  onClose,
}: {
  installation: InstallationView | null;
  onClose: (done: boolean) => void;
}) {
  const { modal } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<z.input<typeof replaceForm>>({
    resolver: zodResolver(replaceForm),
    values: { fingerprint: installation?.fingerprint ?? '', publicKeyPem: '' },
  });
  const run = useModalSubmit(setError, reset, onClose);
  const submit = handleSubmit((input) =>
    run(async () => {
      const result = await call('installations.replace', input);
      modal.success({
        title: '已替换',
        content: `新公钥指纹：${result.readable}；已停用的旧公钥：${result.replaced}。请与地市电话核对新指纹。`,
      });
    }),
  );
  return (
    <Modal
      title={`替换公钥：${installation?.regionName ?? ''}`}
      open={installation !== null}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okText="替换"
      confirmLoading={formState.isSubmitting}
      destroyOnHidden
      width={560}
    >
      <p>旧公钥指纹：{installation?.readable}</p>
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="publicKeyPem"
          label="新签名公钥"
          required
          render={(field) => (
            <PemField value={field.value} onChange={field.onChange} onBlur={field.onBlur} label="新签名公钥" />
          )}
        />
      </SubmitForm>
    </Modal>
  );
}

/** Revokes a key (a computer lost or retired): the province takes nothing more signed with it. */
export function RevokeModal({
  installation,
  onClose,
}: {
  installation: InstallationView | null;
  onClose: (done: boolean) => void;
}) {
  const { message } = App.useApp();
  const { control, handleSubmit, setError, reset, formState } = useForm<z.input<typeof revokeForm>>({
    resolver: zodResolver(revokeForm),
    values: { fingerprint: installation?.fingerprint ?? '', reason: '' },
  });
  const run = useModalSubmit(setError, reset, onClose);
  const submit = handleSubmit((input) =>
    run(async () => {
      const result = await call('installations.revoke', input);
      message.success(`已吊销公钥 ${result.readable}`);
    }),
  );
  return (
    <Modal
      title={`吊销公钥：${installation?.regionName ?? ''}`}
      open={installation !== null}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      okText="吊销"
      okButtonProps={{ danger: true }}
      confirmLoading={formState.isSubmitting}
      destroyOnHidden
    >
      <p>吊销后，省级不再接收用该公钥签名的批次和反馈请求；已收到的记录保留。公钥指纹：{installation?.readable}</p>
      <SubmitForm onSubmit={submit}>
        <FormField
          control={control}
          name="reason"
          label="吊销原因"
          required
          render={(field) => <Input {...field} aria-label="吊销原因" placeholder="如：电脑报废、密钥泄露" />}
        />
      </SubmitForm>
    </Modal>
  );
}
