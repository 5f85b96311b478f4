import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row } from 'antd';
import { type Control, type FieldValues, type Path, useFieldArray } from 'react-hook-form';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { MoneyInput } from '../../../components/MoneyInput';

/** Payments received on a deal (实际到账): several, each with a date and an amount. */
export function PaymentListField<T extends FieldValues>({ control }: { control: Control<T> }) {
  const { fields, append, remove } = useFieldArray({ control, name: 'payments' as never });
  const path = (i: number, field: string) => `payments.${i}.${field}` as Path<T>;
  return (
    <div>
      {fields.map((f, i) => (
        <Row key={f.id} gutter={8}>
          <Col span={5}>
            <FormField
              control={control}
              name={path(i, 'paidDate')}
              label={i === 0 ? '到账日期' : ''}
              required
              render={(field) => (
                <DateInput
                  value={field.value as string | null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  aria-label={`第 ${i + 1} 笔到账日期`}
                />
              )}
            />
          </Col>
          <Col span={5}>
            <FormField
              control={control}
              name={path(i, 'amountFen')}
              label={i === 0 ? '到账金额' : ''}
              required
              render={(field) => (
                <MoneyInput
                  value={field.value as number | null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  aria-label={`第 ${i + 1} 笔到账金额`}
                />
              )}
            />
          </Col>
          <Col span={6}>
            <FormField
              control={control}
              name={path(i, 'voucherNo')}
              label={i === 0 ? '凭证号' : ''}
              render={(field) => (
                <Input {...field} value={(field.value as string) ?? ''} aria-label={`第 ${i + 1} 笔凭证号`} />
              )}
            />
          </Col>
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
