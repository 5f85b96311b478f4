import { Col, Input, Row, Select } from 'antd';
import { needInput, type NeedInput, type NeedRow, URGENCIES } from '../../../shared/contract/matching';
import { FormField } from '../../components/FormField';
import { MoneyInput } from '../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker } from '../../components/PartyPicker';
import { call } from '../../transport/desk';
import { IndustryField } from './IndustryField';
import { KeywordsField } from './KeywordsField';
import { PoolFormDrawer } from './PoolFormDrawer';
import { type PoolFormProps, usePoolForm } from './submit';

const EMPTY: NeedInput = {
  needNo: '',
  enterprise: { ...EMPTY_PARTY },
  industry: '其他',
  needText: '',
  keywords: '',
  budgetFen: null,
  urgency: '一般',
};

function toInput(row: NeedRow): NeedInput {
  return {
    needNo: row.needNo,
    enterprise: {
      id: row.enterpriseId,
      name: row.enterpriseName,
      kind: row.enterpriseKind,
      regionCode: row.enterpriseRegion,
      size: row.enterpriseSize,
    },
    industry: row.industry as NeedInput['industry'],
    needText: row.needText,
    keywords: row.keywords,
    budgetFen: row.budgetFen,
    urgency: row.urgency,
  };
}

/** 技术需求 by form, as the survey (需求调查摸底) recorded it. */
export function NeedForm({ editing, onClose, onSaved }: PoolFormProps<NeedRow>) {
  const { control, save } = usePoolForm(needInput, editing ? toInput(editing) : EMPTY, onSaved, (record) =>
    call('matching.needs.save', { id: editing?.id ?? null, record }).then(() => '已保存'),
  );
  return (
    <PoolFormDrawer title={editing ? '修改技术需求' : '新增技术需求'} onClose={onClose} onSave={save}>
      <Row gutter={12}>
        <Col span={8}>
          <FormField
            control={control}
            name="needNo"
            label="需求编号"
            required
            render={(f) => <Input {...f} aria-label="需求编号" autoFocus />}
          />
        </Col>
        <Col span={8}>
          <IndustryField control={control} />
        </Col>
        <Col span={8}>
          <FormField
            control={control}
            name="urgency"
            label="紧迫程度"
            render={(f) => (
              <Select {...f} aria-label="紧迫程度" options={URGENCIES.map((v) => ({ value: v, label: v }))} />
            )}
          />
        </Col>
      </Row>
      <PartyPicker control={control} name="enterprise" label="企业" />
      <FormField
        control={control}
        name="needText"
        label="需求描述"
        required
        extra="想解决的技术问题、想引进的技术"
        render={(f) => <Input.TextArea {...f} rows={3} aria-label="需求描述" />}
      />
      <Row gutter={12}>
        <Col span={14}>
          <KeywordsField control={control} />
        </Col>
        <Col span={10}>
          <FormField
            control={control}
            name="budgetFen"
            label="预算"
            render={(f) => <MoneyInput value={f.value} onChange={f.onChange} onBlur={f.onBlur} aria-label="预算" />}
          />
        </Col>
      </Row>
    </PoolFormDrawer>
  );
}
