import { Card, Col, Input, Row } from 'antd';
import type { z } from 'zod';
import { subsidyInput, type SubsidyInput, type subsidyDetail } from '../../../../shared/contract/filings/subsidies';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker, partyFromView } from '../../../components/PartyPicker';
import { FormShell } from './FormShell';
import { useRecordForm } from './useRecordForm';

const EMPTY: SubsidyInput = {
  subsidyNo: '',
  recipient: { ...EMPTY_PARTY },
  programName: '专利转化专项奖补',
  amountFen: null as unknown as number,
  grantedDate: '',
  dealContractNo: '',
  pledgeRegistrationNo: '',
};

function toInput(d: z.infer<typeof subsidyDetail>): SubsidyInput {
  return {
    subsidyNo: d.subsidyNo,
    recipient: partyFromView(d.recipient),
    programName: d.programName,
    amountFen: d.amountFen,
    grantedDate: d.grantedDate,
    dealContractNo: d.dealContractNo ?? '',
    pledgeRegistrationNo: d.pledgeRegistrationNo ?? '',
  };
}

/** The record a subsidy rewards, if it rewards one: a deal by its contract, a pledge by its registration. */
const LINKS = [
  { name: 'dealContractNo', label: '关联合同编号', extra: '奖励的交易（可不填）' },
  { name: 'pledgeRegistrationNo', label: '关联质押登记号', extra: '奖励的质押（可不填）' },
] as const;

export function SubsidyForm({ id }: { id?: string }) {
  const { form, ready } = useRecordForm('subsidies', subsidyInput, EMPTY, id, toInput);
  const { control } = form;
  return (
    <FormShell kind="subsidies" id={id} form={form} ready={ready}>
      <Card size="small" title="奖补" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={5}>
            <FormField
              control={control}
              name="subsidyNo"
              label="奖补编号"
              required
              render={(field) => <Input {...field} aria-label="奖补编号" autoFocus />}
            />
          </Col>
          <Col span={7}>
            <FormField
              control={control}
              name="programName"
              label="项目名称"
              required
              render={(field) => <Input {...field} aria-label="项目名称" />}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="amountFen"
              label="金额"
              required
              render={(field) => (
                <MoneyInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="奖补金额" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="grantedDate"
              label="日期"
              required
              render={(field) => (
                <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="奖补日期" />
              )}
            />
          </Col>
        </Row>
        <PartyPicker control={control} name="recipient" label="受奖单位" showSize={false} />
        <Row gutter={12}>
          {LINKS.map((link) => (
            <Col key={link.name} span={6}>
              <FormField
                control={control}
                name={link.name}
                label={link.label}
                extra={link.extra}
                render={(field) => <Input {...field} value={field.value ?? ''} aria-label={link.label} />}
              />
            </Col>
          ))}
        </Row>
      </Card>
    </FormShell>
  );
}
