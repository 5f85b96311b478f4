import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row } from 'antd';
import { type Control, type FieldValues, type Path, type RefCallBack, useFieldArray } from 'react-hook-form';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';

/** What a payment's input gets from the form: react-hook-form's field props. */
type Field = { value: unknown; onChange: (value: unknown) => void; onBlur: () => void; name: string; ref: RefCallBack };

const dateInput = (f: Field, name: string) => (
  <DateInput value={f.value as string | null} onChange={f.onChange} onBlur={f.onBlur} aria-label={name} />
);
const moneyInput = (f: Field, name: string) => (
  <MoneyInput value={f.value as number | null} onChange={f.onChange} onBlur={f.onBlur} aria-label={name} />
);
const textInput = (f: Field, name: string) => <Input {...f} value={(f.value as string) ?? ''} aria-label={name} />;

/** The columns of one payment; the label stands over the first row only, each input is named 第 N 笔… */
const COLUMNS = [
  { field: 'paidDate', label: '到账日期', span: 5, required: true, input: dateInput },
  { field: 'amountFen', label: '到账金额', span: 5, required: true, input: moneyInput },
  { field: 'voucherNo', label: '凭证号', span: 6, required: false, input: textInput },
];

/** Payments received on a deal (实际到账): several, each with a date and an amount. */
export function PaymentListField<T extends FieldValues>({ control }: { control: Control<T> }) {
  const { fields, append, remove } = useFieldArray({ control, name: 'payments' as never });
  return (
    <div>
      {fields.map((f, i) => (
        <Row key={f.id} gutter={8}>
          {COLUMNS.map((c) => (
            <Col key={c.field} span={c.span}>
              <FormField
                control={control}
                name={`payments.${i}.${c.field}` as Path<T>}
                label={i === 0 ? c.label : ''}
                required={c.required}
                render={(field) => c.input(field, `第 ${i + 1} 笔${c.label}`)}
              />
            </Col>
          ))}
          <Col span={2} style={{ paddingTop: i === 0 ? 30 : 0 }}>
            <Button aria-label={`删除第 ${i + 1} 笔到账`} icon={<DeleteOutlined />} onClick={() => remove(i)} />
          </Col>
        </Row>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => append({ paidDate: null, amountFen: null, voucherNo: '' } as never)}
      >
        添加到账
      </Button>
    </div>
  );
}
