import { AutoComplete, Card, Col, Input, InputNumber, Row } from 'antd';
import { pledgeInput, type PledgeInput } from '../../../../shared/contract/filings/pledges';
import type { z } from 'zod';
import type { pledgeDetail } from '../../../../shared/contract/filings/pledges';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker, partyFromView } from '../../../components/PartyPicker';
import { FormShell } from './FormShell';
import { EMPTY_PATENT, PatentListField, patentFromView } from './PatentListField';
import { useRecordForm } from './useRecordForm';

const BANKS = [
  '中国银行',
  '中国工商银行',
  '中国建设银行',
  '中国农业银行',
  '交通银行',
  '晋商银行',
  '山西银行',
  '兴业银行',
  '招商银行',
  '中国邮政储蓄银行',
];
const EMPTY: PledgeInput = {
  registrationNo: '',
  pledgor: { ...EMPTY_PARTY },
  pledgeeName: '',
  amountFen: null as unknown as number,
  registrationDate: '',
  termMonths: null,
  patents: [{ ...EMPTY_PATENT }],
};

function toInput(d: z.infer<typeof pledgeDetail>): PledgeInput {
  return {
    registrationNo: d.registrationNo,
    pledgor: partyFromView(d.pledgor),
    pledgeeName: d.pledgeeName,
    amountFen: d.amountFen,
    registrationDate: d.registrationDate,
    termMonths: d.termMonths,
    patents: d.patents.map(patentFromView),
  };
}

export function PledgeForm({ id }: { id?: string }) {
  const { form, ready } = useRecordForm('pledges', pledgeInput, EMPTY, id, toInput);
  const { control, setValue } = form;
  return (
    <FormShell kind="pledges" id={id} form={form} ready={ready}>
      <Card size="small" title="质押登记" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={6}>
            <FormField
              control={control}
              name="registrationNo"
              label="质押登记号"
              required
              render={(field) => <Input {...field} aria-label="质押登记号" autoFocus />}
            />
          </Col>
          <Col span={6}>
            <FormField
              control={control}
              name="pledgeeName"
              label="质权人（银行或金融机构）"
              required
              render={(field) => (
                <AutoComplete
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  options={BANKS.map((b) => ({ value: b }))}
                  filterOption
                >
                  <Input aria-label="质权人" />
                </AutoComplete>
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="amountFen"
              label="融资金额"
              required
              render={(field) => (
                <MoneyInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="融资金额" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="registrationDate"
              label="登记日期"
              required
              render={(field) => (
                <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="登记日期" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="termMonths"
              label="期限（月）"
              render={(field) => (
                <InputNumber {...field} value={field.value ?? null} style={{ width: '100%' }} aria-label="期限（月）" />
              )}
            />
          </Col>
        </Row>
        <PartyPicker control={control} name="pledgor" label="出质人" />
      </Card>
      <Card size="small" title="质押专利" style={{ marginBottom: 12 }}>
        <PatentListField control={control} setValue={setValue} />
      </Card>
    </FormShell>
  );
}
