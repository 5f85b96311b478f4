import { Card, Col, InputNumber, Row, Select } from 'antd';
import type { z } from 'zod';
import {
  enterpriseFiguresInput,
  type EnterpriseFiguresInput,
  type figuresDetail,
} from '../../../../shared/contract/filings/figures';
import { SECTORS } from '../../../../shared/domain/enterprise';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker, partyFromView } from '../../../components/PartyPicker';
import { FormShell } from './FormShell';
import { useRecordForm } from './useRecordForm';

const EMPTY: EnterpriseFiguresInput = {
  enterprise: { ...EMPTY_PARTY },
  year: new Date().getFullYear() - 1,
  revenueFen: null,
  employees: null,
  sector: null,
};

function toInput(d: z.infer<typeof figuresDetail>): EnterpriseFiguresInput {
  return {
    enterprise: partyFromView(d.enterprise),
    year: d.year,
    revenueFen: d.revenueFen,
    employees: d.employees,
    sector: d.sector as EnterpriseFiguresInput['sector'],
  };
}

export function FiguresForm({ id }: { id?: string }) {
  const { form, ready } = useRecordForm('figures', enterpriseFiguresInput, EMPTY, id, toInput);
  const { control } = form;
  return (
    <FormShell kind="figures" id={id} form={form} ready={ready}>
      <Card size="small" title="企业年度数据" style={{ marginBottom: 12 }}>
        <PartyPicker control={control} name="enterprise" label="企业" />
        <Row gutter={12}>
          <Col span={4}>
            <FormField
              control={control}
              name="year"
              label="年度"
              required
              render={(field) => <InputNumber {...field} style={{ width: '100%' }} aria-label="年度" />}
            />
          </Col>
          <Col span={5}>
            <FormField
              control={control}
              name="revenueFen"
              label="营业收入"
              render={(field) => (
                <MoneyInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="营业收入" />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="employees"
              label="就业人数"
              render={(field) => (
                <InputNumber {...field} value={field.value ?? null} style={{ width: '100%' }} aria-label="就业人数" />
              )}
            />
          </Col>
          <Col span={6}>
            <FormField
              control={control}
              name="sector"
              label="行业门类（用于划型）"
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  allowClear
                  aria-label="行业门类"
                  options={SECTORS.map((s) => ({ value: s, label: s }))}
                />
              )}
            />
          </Col>
        </Row>
      </Card>
    </FormShell>
  );
}
