import { Checkbox, Col, Input, InputNumber, Row, Select } from 'antd';
import { useWatch } from 'react-hook-form';
import { SUPPLY_STATUSES, supplyInput, type SupplyInput, type SupplyRow } from '../../../shared/contract/matching';
import { FormField } from '../../components/FormField';
import { MoneyInput } from '../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker } from '../../components/PartyPicker';
import { call } from '../../transport/desk';
import { IndustryField } from './IndustryField';
import { KeywordsField } from './KeywordsField';
import { PoolFormDrawer } from './PoolFormDrawer';
import { type PoolFormProps, usePoolForm } from './submit';

const EMPTY: SupplyInput = {
  patentNumber: '',
  title: '',
  owner: { ...EMPTY_PARTY, kind: '高校' },
  industry: '其他',
  ipcClass: '',
  keywords: '',
  abstract: '',
  askingTerms: '',
  openLicense: false,
  openLicenseFeeFen: null,
  openLicenseYears: null,
  status: '在库',
};

function toInput(row: SupplyRow): SupplyInput {
  return {
    patentNumber: row.patentNumber,
    title: row.title,
    owner: { id: row.ownerId, name: row.ownerName, kind: row.ownerKind, regionCode: row.ownerRegion },
    industry: row.industry as SupplyInput['industry'],
    ipcClass: row.ipcClass ?? '',
    keywords: row.keywords,
    abstract: row.abstract,
    askingTerms: row.askingTerms ?? '',
    openLicense: row.openLicense,
    openLicenseFeeFen: row.openLicenseFeeFen,
    openLicenseYears: row.openLicenseYears,
    status: row.status,
  };
}

/** 专利供给 by form: a new offer, or an edit of one (a new version). */
export function SupplyForm({ editing, onClose, onSaved }: PoolFormProps<SupplyRow>) {
  const { control, save } = usePoolForm(supplyInput, editing ? toInput(editing) : EMPTY, onSaved, (record) =>
    call('matching.supply.save', { id: editing?.id ?? null, record }).then(() => '已保存'),
  );
  const open = useWatch({ control, name: 'openLicense' });
  return (
    <PoolFormDrawer title={editing ? '修改专利供给' : '新增专利供给'} onClose={onClose} onSave={save}>
      <Row gutter={12}>
        <Col span={8}>
          <FormField
            control={control}
            name="patentNumber"
            label="专利号"
            required
            render={(f) => <Input {...f} aria-label="专利号" autoFocus />}
          />
        </Col>
        <Col span={16}>
          <FormField
            control={control}
            name="title"
            label="专利名称"
            required
            render={(f) => <Input {...f} aria-label="专利名称" />}
          />
        </Col>
      </Row>
      <PartyPicker control={control} name="owner" label="权利人" showSize={false} />
      <Row gutter={12}>
        <Col span={8}>
          <IndustryField control={control} />
        </Col>
        <Col span={6}>
          <FormField
            control={control}
            name="ipcClass"
            label="IPC 分类号"
            extra="如 H01M 4/36"
            render={(f) => <Input {...f} value={f.value ?? ''} aria-label="IPC分类号" />}
          />
        </Col>
        <Col span={10}>
          <KeywordsField control={control} />
        </Col>
      </Row>
      <FormField
        control={control}
        name="abstract"
        label="摘要"
        render={(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={3} aria-label="摘要" />}
      />
      <Row gutter={12}>
        <Col span={12}>
          <FormField
            control={control}
            name="askingTerms"
            label="转化意向与报价"
            render={(f) => <Input {...f} value={f.value ?? ''} aria-label="转化意向与报价" />}
          />
        </Col>
        <Col span={6}>
          <FormField
            control={control}
            name="status"
            label="状态"
            render={(f) => (
              <Select {...f} aria-label="状态" options={SUPPLY_STATUSES.map((v) => ({ value: v, label: v }))} />
            )}
          />
        </Col>
      </Row>
      <Row gutter={12} align="bottom">
        <Col span={6}>
          <FormField
            control={control}
            name="openLicense"
            label="开放许可"
            render={(f) => (
              <Checkbox
                checked={f.value ?? false}
                onChange={(e) => f.onChange(e.target.checked)}
                aria-label="已声明开放许可"
              >
                已声明开放许可
              </Checkbox>
            )}
          />
        </Col>
        {open && (
          <>
            <Col span={6}>
              <FormField
                control={control}
                name="openLicenseFeeFen"
                label="许可使用费"
                required
                render={(f) => (
                  <MoneyInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="开放许可使用费" />
                )}
              />
            </Col>
            <Col span={6}>
              <FormField
                control={control}
                name="openLicenseYears"
                label="许可期限（年）"
                required
                render={(f) => (
                  <InputNumber
                    value={f.value ?? null}
                    onChange={(v) => f.onChange(v)}
                    onBlur={f.onBlur}
                    min={1}
                    max={20}
                    aria-label="开放许可期限"
                    style={{ width: '100%' }}
                  />
                )}
              />
            </Col>
          </>
        )}
      </Row>
    </PoolFormDrawer>
  );
}
