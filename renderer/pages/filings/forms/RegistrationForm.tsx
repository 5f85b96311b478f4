import { Card, Col, Input, Row, Select } from 'antd';
import type { z } from 'zod';
import {
  registrationInput,
  type RegistrationInput,
  type registrationDetail,
} from '../../../../shared/contract/filings/registrations';
import { ENTERPRISE_SIZES } from '../../../../shared/domain/enterprise';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker, partyFromView } from '../../../components/PartyPicker';
import { FormShell } from './FormShell';
import { EMPTY_PATENT, PatentListField, patentFromView } from './PatentListField';
import { useRecordForm } from './useRecordForm';

const EMPTY: RegistrationInput = {
  registrationNo: '',
  enterprise: { ...EMPTY_PARTY },
  enterpriseSize: null,
  productName: '',
  registrationDate: '',
  outputValueFen: null,
  patents: [{ ...EMPTY_PATENT }],
};

function toInput(d: z.infer<typeof registrationDetail>): RegistrationInput {
  return {
    registrationNo: d.registrationNo,
    enterprise: partyFromView(d.enterprise),
    enterpriseSize: d.enterpriseSize,
    productName: d.productName,
    registrationDate: d.registrationDate,
    outputValueFen: d.outputValueFen,
    patents: d.patents.map(patentFromView),
  };
}

export function RegistrationForm({ id }: { id?: string }) {
  const { form, ready } = useRecordForm('registrations', registrationInput, EMPTY, id, toInput);
  const { control, setValue } = form;
  return (
    <FormShell kind="registrations" id={id} form={form} ready={ready}>
      <Card size="small" title="专利产品备案" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={5}>
            <FormField
              control={control}
              name="registrationNo"
              label="备案号"
              required
              render={(field) => <Input {...field} aria-label="备案号" autoFocus />}
            />
          </Col>
          <Col span={7}>
            <FormField
              control={control}
              name="productName"
              label="产品名称"
              required
              render={(field) => <Input {...field} aria-label="产品名称" />}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="registrationDate"
              label="备案日期"
              required
              render={(field) => (
                <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="备案日期" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="outputValueFen"
              label="产值"
              render={(field) => (
                <MoneyInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="产值" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="enterpriseSize"
              label="备案时企业规模"
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  allowClear
                  placeholder="同企业规模"
                  aria-label="备案时企业规模"
                  options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: s }))}
                />
              )}
            />
          </Col>
        </Row>
        <PartyPicker control={control} name="enterprise" label="企业" />
      </Card>
      <Card size="small" title="涉及专利" style={{ marginBottom: 12 }}>
        <PatentListField control={control} setValue={setValue} />
      </Card>
    </FormShell>
  );
}
