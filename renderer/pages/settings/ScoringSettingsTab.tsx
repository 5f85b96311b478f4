import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Card, Col, InputNumber, Row, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { scoringScheme } from '../../../shared/indicators/scoring';
import { useSession } from '../../app/session';
import { FormField } from '../../components/FormField';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { SubmitForm } from '../../components/SubmitForm';
import { useFormFollows } from '../../components/useFormFollows';

type Scheme = z.input<typeof scoringScheme>;

const WEIGHTS: { name: `weights.${'I1' | 'I2' | 'I3' | 'I4' | 'I5' | 'I5a' | 'growth'}`; label: string }[] = [
  { name: 'weights.I1', label: 'I1 中小微企业受让专利数' },
  { name: 'weights.I2', label: 'I2 高校院所转化专利数' },
  { name: 'weights.I3', label: 'I3 惠及中小微企业数' },
  { name: 'weights.I4', label: 'I4 专利产品备案数' },
  { name: 'weights.I5', label: 'I5 专利质押融资金额' },
  { name: 'weights.I5a', label: 'I5a 专利质押项目数' },
  { name: 'weights.growth', label: '增幅达标' },
];

const DEDUCTIONS: { name: 'perConfirmedAnomaly' | 'perSubsidyFraud' | 'deductionCap'; label: string }[] = [
  { name: 'perConfirmedAnomaly', label: '每起确认异常扣分' },
  { name: 'perSubsidyFraud', label: '每笔追回奖补扣分' },
  { name: 'deductionCap', label: '扣分上限' },
];

/** The scoring scheme of the 成效评价表; each save makes a new version, printed on the sheet. */
export function ScoringSettingsTab() {
  const { user } = useSession();
  const { message } = App.useApp();
  // A save hands back the new version of the scheme: shown at once, no second read.
  const { value: stored, error, replace } = useCall('scoring.get', {});
  useShownError(error);
  const { run, pending } = useAction();
  const version = stored?.version ?? null;
  const { control, handleSubmit, reset } = useForm<Scheme>({
    resolver: zodResolver(scoringScheme),
    defaultValues: scoringScheme.parse({}),
  });
  // The fields show the stored scheme each time it arrives (read, or handed back by a save).
  useFormFollows(stored?.scheme, reset);
  const readOnly = user.role !== '管理员';
  const save = handleSubmit((scheme) =>
    run(async () => {
      const saved = await call('scoring.update', scheme);
      replace(saved);
      message.success(`已保存为评分方案第 ${saved.version} 版`);
    }),
  );
  const number = (label: string) => (field: { value?: unknown; onChange: (v: unknown) => void }) => (
    <InputNumber
      aria-label={label}
      min={0}
      max={100}
      step={1}
      style={{ width: 120 }}
      disabled={readOnly}
      value={field.value as number}
      onChange={field.onChange}
    />
  );
  // One score of the scheme, in the grid: `label` over the field, `name` for screen readers.
  const column = (field: (typeof WEIGHTS | typeof DEDUCTIONS)[number]['name'], label: string, name: string) => (
    <Col key={field} xs={12} md={8} xl={6}>
      <FormField control={control} name={field} label={label} render={number(name)} />
    </Col>
  );
  return (
    <Card>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 860 }}>
        当前为第 {version ?? '…'} 版{version === 0 ? '（默认方案）' : ''}
        。各项按完成率折算，不超过其分值；增幅达标项按达标项数占要求项数的比例折算；扣分合计不超过上限。保存后生成新版本，评价表上印有所用版本。
      </Typography.Paragraph>
      <SubmitForm onSubmit={save}>
        <Row gutter={16}>{WEIGHTS.map((w) => column(w.name, `${w.label}（分）`, w.label))}</Row>
        <Row gutter={16}>{DEDUCTIONS.map((d) => column(d.name, d.label, d.label))}</Row>
        {!readOnly && (
          <Button type="primary" htmlType="submit" loading={pending}>
            保存为新版本
          </Button>
        )}
      </SubmitForm>
    </Card>
  );
}
