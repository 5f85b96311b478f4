import { Card, Checkbox, Col, Input, Row, Select, Typography } from 'antd';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import {
  checkDeal,
  DEAL_KINDS,
  dealFields,
  type DealDetail,
  type DealInput,
  LICENSE_MODES,
  OVERPAYMENT_CONFIRMATION,
} from '../../../../shared/contract/filings/deals';
import { formatFenAsWan } from '../../../../shared/domain/money';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';
import { EMPTY_PARTY, PartyPicker, partyFromView } from '../../../components/PartyPicker';
import { FormShell } from './FormShell';
import { EMPTY_PATENT, PatentListField, patentFromView } from './PatentListField';
import { PaymentListField } from './PaymentListField';
import { useRecordForm } from './useRecordForm';

/** The deal as the form checks it: the same contract, except that 所属产业 must be chosen. */
const dealForm = dealFields
  .extend({ industry: z.enum(INDUSTRIES, { error: '请选择所属产业' }) })
  .superRefine(checkDeal);

type DealFormInput = z.input<typeof dealForm>;

const EMPTY: DealFormInput = {
  kind: '转让',
  licenseMode: null,
  contractNo: '',
  contractDate: '',
  recordationDate: null,
  licenseEndDate: null,
  patents: [{ ...EMPTY_PATENT }],
  assignor: { ...EMPTY_PARTY, kind: '高校' },
  assignee: { ...EMPTY_PARTY },
  // No industry chosen for the user: the contract's 其他 is for imports that leave the column empty.
  industry: null as unknown as DealFormInput['industry'],
  amountFen: null as unknown as number,
  payments: [],
  confirmOverpayment: false,
};

function toInput(d: DealDetail): DealFormInput {
  return {
    kind: d.kind,
    licenseMode: d.licenseMode,
    contractNo: d.contractNo,
    contractDate: d.contractDate,
    recordationDate: d.recordationDate,
    licenseEndDate: d.licenseEndDate,
    patents: d.patents.map(patentFromView),
    assignor: partyFromView(d.assignor),
    assignee: partyFromView(d.assignee),
    industry: d.industry as DealFormInput['industry'],
    amountFen: d.amountFen,
    payments: d.payments.map((p) => ({ paidDate: p.paidDate, amountFen: p.amountFen, voucherNo: p.voucherNo })),
    confirmOverpayment: d.paidFen > d.amountFen,
  };
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** The deal form, in the order of the paper record: contract, patents, parties, money. */
export function DealForm({ id }: { id?: string }) {
  const { form, ready } = useRecordForm('deals', dealForm, EMPTY, id, toInput);
  const { control, setValue } = form;
  const kind = useWatch({ control, name: 'kind' });
  const amountFen = useWatch({ control, name: 'amountFen' });
  const payments = useWatch({ control, name: 'payments' }) ?? [];
  const paidFen = payments.reduce((sum, p) => sum + (Number.isSafeInteger(p?.amountFen) ? p.amountFen : 0), 0);
  const overpaid = typeof amountFen === 'number' && paidFen > amountFen;

  return (
    <FormShell kind="deals" id={id} form={form} ready={ready}>
      <Card size="small" title="合同" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={5}>
            <FormField
              control={control}
              name="contractNo"
              label="合同编号"
              required
              render={(field) => <Input {...field} aria-label="合同编号" autoFocus />}
            />
          </Col>
          <Col span={3}>
            <FormField
              control={control}
              name="kind"
              label="交易类型"
              required
              render={(field) => (
                <Select
                  {...field}
                  aria-label="交易类型"
                  options={options(DEAL_KINDS)}
                  onChange={(v: DealInput['kind']) => {
                    field.onChange(v);
                    if (v !== '许可') {
                      setValue('licenseMode', null);
                      setValue('licenseEndDate', null);
                    }
                  }}
                />
              )}
            />
          </Col>
          <Col span={3}>
            <FormField
              control={control}
              name="licenseMode"
              label="许可方式"
              required={kind === '许可'}
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  allowClear
                  disabled={kind !== '许可'}
                  aria-label="许可方式"
                  placeholder={kind === '许可' ? '请选择' : '仅许可'}
                  options={options(LICENSE_MODES)}
                />
              )}
            />
          </Col>
          <Col span={3}>
            <FormField
              control={control}
              name="contractDate"
              label="合同日期"
              required
              render={(field) => (
                <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="合同日期" />
              )}
            />
          </Col>
          <Col span={3}>
            <FormField
              control={control}
              name="recordationDate"
              label="备案（登记）日期"
              render={(field) => (
                <DateInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="备案日期" />
              )}
            />
          </Col>
          <Col span={3}>
            <FormField
              control={control}
              name="licenseEndDate"
              label="许可期限止"
              render={(field) => (
                <DateInput
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  aria-label="许可期限止"
                  placeholder={kind === '许可' ? '不填为无期限' : '仅许可'}
                />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name="industry"
              label="所属产业"
              required
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  aria-label="所属产业"
                  placeholder="请选择"
                  showSearch
                  virtual={false}
                  options={options(INDUSTRIES)}
                />
              )}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small" title="专利" style={{ marginBottom: 12 }}>
        <PatentListField control={control} setValue={setValue} />
      </Card>
      <Card size="small" title="当事人" style={{ marginBottom: 12 }}>
        <PartyPicker control={control} name="assignor" label="让与方" showSize={false} />
        <PartyPicker control={control} name="assignee" label="受让方" />
      </Card>
      <Card size="small" title="金额与到账" style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col span={5}>
            <FormField
              control={control}
              name="amountFen"
              label="成交金额"
              required
              render={(field) => (
                <MoneyInput value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-label="成交金额" />
              )}
            />
          </Col>
          <Col span={19}>
            <Typography.Text type="secondary" style={{ display: 'block', paddingTop: 30 }}>
              已到账 {formatFenAsWan(paidFen, 2, { thousands: true })} 万元
            </Typography.Text>
          </Col>
        </Row>
        <PaymentListField control={control} />
        <div style={{ display: overpaid ? 'block' : 'none', marginTop: 12 }}>
          <Typography.Text type="warning">到账金额合计超过成交金额，请核实到账记录后勾选确认。</Typography.Text>
          <FormField
            control={control}
            name="confirmOverpayment"
            label=""
            render={(field) => (
              <Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)}>
                {OVERPAYMENT_CONFIRMATION}
              </Checkbox>
            )}
          />
        </div>
      </Card>
    </FormShell>
  );
}
