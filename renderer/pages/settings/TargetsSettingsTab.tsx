import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index';
import type { BaselineRow, TargetRow } from '../../../shared/contract/indicators';
import { formatFenAsWan, parseWanToFen } from '../../../shared/domain/money';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { INDICATORS, TARGETABLE_IDS, type IndicatorId } from '../../../shared/indicators/ids';
import { PLAN_YEAR_FROM, PLAN_YEAR_TO } from '../../../shared/indicators/targets';
import { useSession } from '../../app/session';
import { call } from '../../transport/desk';
import { downloadBase64, readFileBase64, XLSX_TYPE } from '../../transport/files';
import { reportingRegionOptions } from '../evaluation/regionYear';

type View = MethodOutput<'targets.get'>;
type Rejections = MethodOutput<'targets.import'>['rejected'];
const GROWTH_IDS: IndicatorId[] = ['I1', 'I1a', 'I1b', 'I2', 'I2a', 'I2b', 'I3', 'I3a', 'I3b', 'I4', 'I4a', 'I5', 'I5a'];

/** What a person types: counts as whole numbers, money in 万元, rates in %. */
interface Draft {
  target: string;
  growthPercent: number | null;
  baseline: string;
}

const isMoney = (id: IndicatorId) => INDICATORS[id].kind === 'money';
const shown = (id: IndicatorId, value: number | null | undefined) =>
  value === null || value === undefined ? '' : isMoney(id) ? formatFenAsWan(value, 2) : String(value);

/** A typed amount in the indicator's stored unit, or a Chinese reason. */
function readAmount(id: IndicatorId, text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null };
  if (isMoney(id)) {
    const money = parseWanToFen(text);
    return money.ok ? { ok: true, value: money.fen } : { ok: false, message: money.message };
  }
  return /^\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, message: `应填写非负整数（${INDICATORS[id].unit}）` };
}

/**
 * Province and city targets (2021–2023) and 2020 baselines per region; editable by 管理员, audited, importable. A
 * target the province set (省级下达) is read-only at a city. On the province's workbench a save is also the sending
 * (onSaved: the caller shows what went out).
 */
export function TargetsSettingsTab({ onSaved }: { onSaved?: () => void } = {}) {
  const { user, status } = useSession();
  const { message } = App.useApp();
  const readOnly = user.role !== '管理员';
  const [region, setRegion] = useState(status.region?.code ?? PROVINCE_CODE);
  const [view, setView] = useState<View | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rejected, setRejected] = useState<Rejections>([]);

  const load = useCallback(() => call('targets.get', {}).then(setView, (e: Error) => message.error(e.message)), [message]);
  useEffect(() => void load(), [load]);

  // The drafts start from what is stored, again whenever it is reloaded or another region is chosen.
  const [drafted, setDrafted] = useState<{ view: View; region: string } | null>(null);
  if (view && (drafted?.view !== view || drafted.region !== region)) {
    setDrafted({ view, region });
    const next: Record<string, Draft> = {};
    for (const id of GROWTH_IDS) {
      const t = view.targets.find((r) => r.regionCode === region && r.indicator === id && r.yearFrom === PLAN_YEAR_FROM && r.yearTo === PLAN_YEAR_TO);
      const b = view.baselines.find((r) => r.regionCode === region && r.indicator === id && r.year === 2020);
      next[id] = {
        target: shown(id, t?.target),
        growthPercent: t?.requiredGrowth === null || t?.requiredGrowth === undefined ? null : Math.round(t.requiredGrowth * 10000) / 100,
        baseline: shown(id, b?.value),
      };
    }
    setDrafts(next);
    setErrors({});
  }

  const edit = (id: IndicatorId, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));

  const save = async () => {
    const targets: TargetRow[] = [];
    const baselines: BaselineRow[] = [];
    const problems: Record<string, string> = {};
    for (const id of GROWTH_IDS) {
      const draft = drafts[id];
      if (!draft) continue;
      const target = readAmount(id, draft.target);
      const baseline = readAmount(id, draft.baseline);
      if (!target.ok) problems[`${id}.target`] = target.message;
      if (!baseline.ok) problems[`${id}.baseline`] = baseline.message;
      if (!target.ok || !baseline.ok) continue;
      const requiredGrowth = draft.growthPercent === null ? null : draft.growthPercent / 100;
      const before = view?.targets.find((r) => r.regionCode === region && r.indicator === id && r.yearFrom === PLAN_YEAR_FROM && r.yearTo === PLAN_YEAR_TO);
      if (before || target.value !== null || requiredGrowth !== null) {
        if (!before || before.target !== target.value || before.requiredGrowth !== requiredGrowth || before.isDefault) {
          targets.push({ regionCode: region, indicator: id, yearFrom: PLAN_YEAR_FROM, yearTo: PLAN_YEAR_TO, target: target.value, requiredGrowth });
        }
      }
      const oldBase = view?.baselines.find((r) => r.regionCode === region && r.indicator === id && r.year === 2020)?.value ?? null;
      if (baseline.value !== null && baseline.value !== oldBase) baselines.push({ regionCode: region, indicator: id, year: 2020, value: baseline.value });
    }
    setErrors(problems);
    if (Object.keys(problems).length) {
      message.error('有填写不正确的格子，请按提示修改');
      return;
    }
    try {
      setView(await call('targets.save', { targets, baselines }));
      message.success(`已保存 ${targets.length} 项目标、${baselines.length} 项基期值`);
      onSaved?.();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const importFile = async (file: File) => {
    try {
      const result = await call('targets.import', { fileName: file.name, contentBase64: await readFileBase64(file) });
      setRejected(result.rejected);
      if (result.written) {
        message.success(`已导入 ${result.targets} 项目标、${result.baselines} 项基期值`);
        await load();
        onSaved?.();
      } else message.error('文件中有错误，未导入任何内容；请按下表修改后重新导入');
    } catch (e) {
      message.error((e as Error).message);
    }
    return false;
  };

  const template = async () => {
    const file = await call('targets.template', {});
    downloadBase64(file.contentBase64, file.fileName, XLSX_TYPE);
  };

  const fromProvince = (id: IndicatorId) =>
    view?.targets.some((t) => t.regionCode === region && t.indicator === id && t.yearFrom === PLAN_YEAR_FROM && t.yearTo === PLAN_YEAR_TO && t.setByProvince) ?? false;
  const cell = (id: IndicatorId, key: 'target' | 'baseline', enabled: boolean) => {
    const problem = errors[`${id}.${key}`];
    return enabled ? (
      <div>
        <Input
          aria-label={`${id} ${key === 'target' ? '目标值' : '2020 年基期值'}`}
          value={drafts[id]?.[key] ?? ''}
          disabled={readOnly || (key === 'target' && fromProvince(id))}
          status={problem ? 'error' : undefined}
          suffix={INDICATORS[id].unit}
          onChange={(e) => edit(id, { [key]: e.target.value })}
        />
        {problem && <Typography.Text type="danger" style={{ fontSize: 12 }}>{problem}</Typography.Text>}
      </div>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  };

  const rows = useMemo(() => GROWTH_IDS.map((id) => ({ id })), []);
  // A city without a rate of its own is held to the province's (shown as a hint).
  const provinceGrowth = (id: IndicatorId) => {
    const rate = view?.targets.find((t) => t.regionCode === PROVINCE_CODE && t.indicator === id)?.requiredGrowth;
    return region === PROVINCE_CODE || rate === null || rate === undefined ? undefined : `省定 ${Math.round(rate * 100)}`;
  };
  const isDefault = view?.targets.some((t) => t.regionCode === region && t.isDefault);
  const anyFromProvince = view?.targets.some((t) => t.regionCode === region && t.setByProvince);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>地区</span>
        <Select aria-label="目标地区" style={{ width: 220 }} value={region} onChange={setRegion} options={reportingRegionOptions} />
        <Typography.Text type="secondary">目标期间 {PLAN_YEAR_FROM}—{PLAN_YEAR_TO} 年（累计）；金额以万元填写</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          下载目标与基期表
        </Button>
        {!readOnly && (
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => importFile(file)}>
            <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
          </Upload>
        )}
      </Space>
      {isDefault && (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon message="省级目标已按晋财行〔2021〕35号预填；修改后保存即以所填为准。" />
      )}
      {anyFromProvince && (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon message="标有“省级下达”的目标由省级设定并随同步下达，本地不能修改；如需调整，请联系省级主管部门。" />
      )}
      {rejected.length > 0 && (
        <Table
          style={{ marginBottom: 12 }}
          size="small"
          rowKey={(r) => `${r.sheet}-${r.row}-${r.column}`}
          pagination={false}
          dataSource={rejected}
          title={() => <Typography.Text type="danger">导入被拒绝的单元格</Typography.Text>}
          columns={[
            { title: '工作表', dataIndex: 'sheet', width: 80 },
            { title: '行', dataIndex: 'row', width: 60 },
            { title: '列', dataIndex: 'column', width: 140 },
            { title: '内容', dataIndex: 'value', width: 120 },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '指标', dataIndex: 'id', render: (id: IndicatorId) => <>{id} {INDICATORS[id].name}{fromProvince(id) && <Tag color="purple" style={{ marginLeft: 8 }}>省级下达</Tag>}</> },
          { title: '累计目标值', width: 200, render: (_: unknown, { id }) => cell(id, 'target', INDICATORS[id].kind !== 'rate') },
          {
            title: '要求年均增幅',
            width: 150,
            render: (_: unknown, { id }) => (
              <InputNumber aria-label={`${id} 要求年均增幅`} disabled={readOnly || fromProvince(id)} placeholder={provinceGrowth(id)} value={drafts[id]?.growthPercent ?? null} onChange={(v) => edit(id, { growthPercent: v })} suffix="%" style={{ width: 120 }} />
            ),
          },
          { title: '2020 年基期值', width: 200, render: (_: unknown, { id }) => cell(id, 'baseline', (TARGETABLE_IDS as IndicatorId[]).includes(id)) },
        ]}
      />
      {!readOnly && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => void save()}>
          保存
        </Button>
      )}
    </Card>
  );
}
