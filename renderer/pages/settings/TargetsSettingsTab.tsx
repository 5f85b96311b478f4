import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { INDICATOR_IDS, INDICATORS, TARGETABLE_IDS, type IndicatorId } from '../../../shared/indicators/ids';
import { planTarget, type TargetDraft, targetDrafts, targetEdits } from '../../../shared/indicators/targetEdits';
import { PLAN_YEAR_FROM, PLAN_YEAR_TO } from '../../../shared/indicators/targets';
import { useSession } from '../../app/session';
import { useAction } from '../../data/useAction';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { call } from '../../transport/desk';
import { downloadBase64, readFileBase64, XLSX_TYPE } from '../../transport/files';
import { reportingRegionOptions } from '../evaluation/regionYear';

type View = MethodOutput<'targets.get'>;
type Rejections = MethodOutput<'targets.import'>['rejected'];
// Every indicator has a row: a required growth for each, a target and a 2020 baseline where it has a cumulative value.
const ROWS = INDICATOR_IDS.map((id) => ({ id }));

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
  const [drafts, setDrafts] = useState<Partial<Record<IndicatorId, TargetDraft>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rejected, setRejected] = useState<Rejections>([]);

  // A save hands back the stored view, shown at once (replace); an import is read again (reload).
  const stored = useCall('targets.get', {});
  useShownError(stored.error);
  const view = stored.latest ?? null;
  const { run } = useAction();

  // The drafts start from what is stored, again whenever it is reloaded or another region is chosen.
  const [drafted, setDrafted] = useState<{ view: View; region: string } | null>(null);
  if (view && (drafted?.view !== view || drafted.region !== region)) {
    setDrafted({ view, region });
    setDrafts(targetDrafts(view, region));
    setErrors({});
  }

  const edit = (id: IndicatorId, patch: Partial<TargetDraft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));

  const save = async () => {
    const edits = targetEdits(view, region, drafts);
    setErrors(edits.ok ? {} : edits.problems);
    if (!edits.ok) {
      message.error('有填写不正确的格子，请按提示修改');
      return;
    }
    const { targets, baselines } = edits;
    await run(async () => {
      stored.replace(await call('targets.save', { targets, baselines }));
      message.success(`已保存 ${targets.length} 项目标、${baselines.length} 项基期值`);
      onSaved?.();
    });
  };

  const importFile = async (file: File) => {
    const result = await call('targets.import', { fileName: file.name, contentBase64: await readFileBase64(file) });
    setRejected(result.rejected);
    if (!result.written) return void message.error('文件中有错误，未导入任何内容；请按下表修改后重新导入');
    message.success(`已导入 ${result.targets} 项目标、${result.baselines} 项基期值`);
    stored.reload();
    onSaved?.();
  };

  const template = async () => {
    const file = await call('targets.template', {});
    downloadBase64(file.contentBase64, file.fileName, XLSX_TYPE);
  };

  const fromProvince = (id: IndicatorId) =>
    view ? planTarget(view.targets, region, id)?.setByProvince === true : false;
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
        {problem && (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {problem}
          </Typography.Text>
        )}
      </div>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  };

  // A city without a rate of its own is held to the province's (shown as a hint).
  const provinceGrowth = (id: IndicatorId) => {
    const rate = view?.targets.find((t) => t.regionCode === PROVINCE_CODE && t.indicator === id)?.requiredGrowth;
    return region === PROVINCE_CODE || rate === null || rate === undefined
      ? undefined
      : `省定 ${Math.round(rate * 100)}`;
  };
  const isDefault = view?.targets.some((t) => t.regionCode === region && t.isDefault);
  const anyFromProvince = view?.targets.some((t) => t.regionCode === region && t.setByProvince);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>地区</span>
        <Select
          aria-label="目标地区"
          style={{ width: 220 }}
          value={region}
          onChange={setRegion}
          options={reportingRegionOptions}
        />
        <Typography.Text type="secondary">
          目标期间 {PLAN_YEAR_FROM}—{PLAN_YEAR_TO} 年（累计）；金额以万元填写
        </Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={() => void run(template)}>
          下载目标与基期表
        </Button>
        {!readOnly && (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void run(() => importFile(file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
          </Upload>
        )}
      </Space>
      {isDefault && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message="省级目标已按晋财行〔2021〕35号预填；修改后保存即以所填为准。"
        />
      )}
      {anyFromProvince && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          message="标有“省级下达”的目标由省级设定并随同步下达，本地不能修改；如需调整，请联系省级主管部门。"
        />
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
        dataSource={ROWS}
        columns={[
          {
            title: '指标',
            dataIndex: 'id',
            render: (id: IndicatorId) => (
              <>
                {id} {INDICATORS[id].name}
                {fromProvince(id) && (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    省级下达
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: '累计目标值',
            width: 200,
            render: (_: unknown, { id }) => cell(id, 'target', INDICATORS[id].kind !== 'rate'),
          },
          {
            title: '要求年均增幅',
            width: 150,
            render: (_: unknown, { id }) => (
              <InputNumber
                aria-label={`${id} 要求年均增幅`}
                disabled={readOnly || fromProvince(id)}
                placeholder={provinceGrowth(id)}
                value={drafts[id]?.growthPercent ?? null}
                onChange={(v) => edit(id, { growthPercent: v })}
                suffix="%"
                style={{ width: 120 }}
              />
            ),
          },
          {
            title: '2020 年基期值',
            width: 200,
            render: (_: unknown, { id }) => cell(id, 'baseline', (TARGETABLE_IDS as IndicatorId[]).includes(id)),
          },
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
