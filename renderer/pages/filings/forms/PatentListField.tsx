import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, Row, Select, Tag, Typography } from 'antd';
import {
  type Control,
  type FieldValues,
  type Path,
  type UseFormSetValue,
  useFieldArray,
  useFormState,
  useWatch,
} from 'react-hook-form';
import { PATENT_STATUSES, type PatentInput, type PatentView } from '../../../../shared/contract/filings/patents';
import { parsePatentNumber, PATENT_TYPE_LABELS } from '../../../../shared/domain/patentNumber';
import { naturalExpiry } from '../../../../shared/domain/patentTerm';
import { isIsoDate } from '../../../../shared/domain/dates';
import { DateInput } from '../../../components/DateInput';
import { FormField } from '../../../components/FormField';
import { call } from '../../../transport/desk';

export const EMPTY_PATENT: PatentInput = { number: '', title: '', filingDate: null, status: '有效' };

/** A stored patent as an edit form starts from it: what was entered, without what the desk derives. */
export const patentFromView = (p: PatentView): PatentInput => ({
  number: p.number,
  title: p.title,
  filingDate: p.filingDate,
  status: p.status,
});

/** What the number says as it is typed: its type, or what is wrong (which check character it should have). */
function NumberCheck({
  number,
  filingDate,
  shownByForm,
}: {
  number: string;
  filingDate: string | null | undefined;
  shownByForm: boolean;
}) {
  if (!number.trim()) return null;
  const parsed = parsePatentNumber(number);
  if (!parsed.ok)
    return shownByForm ? null : (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {parsed.message}
      </Typography.Text>
    );
  const expiry = filingDate && isIsoDate(filingDate) ? naturalExpiry(parsed.type, filingDate) : null;
  return (
    <span style={{ fontSize: 12 }} data-testid="patent-derived">
      <Tag color="blue">{PATENT_TYPE_LABELS[parsed.type]}</Tag>
      {parsed.normalized}
      {expiry ? `，届满日 ${expiry}` : '，填写申请日后显示届满日'}
    </span>
  );
}

/** One or more patents of a filing: number checked as typed, type derived, expiry computed, known ones filled in. */
export function PatentListField<T extends FieldValues>({
  control,
  setValue,
}: {
  control: Control<T>;
  setValue: UseFormSetValue<T>;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'patents' as never });
  const patents = (useWatch({ control, name: 'patents' as Path<T> }) ?? []) as PatentInput[];
  const path = (i: number, field: string) => `patents.${i}.${field}` as Path<T>;
  const { errors } = useFormState({ control });
  // The form shows a refused number itself once the field was left; until then the live check says it.
  const formError = (i: number) => Boolean((errors as { patents?: { number?: unknown }[] }).patents?.[i]?.number);

  /** A known patent fills the fields the user has left empty. */
  const lookUp = async (i: number) => {
    const current = patents[i];
    if (!current || !parsePatentNumber(current.number).ok) return;
    const known = await call('patents.lookup', { number: current.number }).catch(() => null);
    if (!known) return;
    if (!current.title) setValue(path(i, 'title'), known.title as never);
    if (!current.filingDate && known.filingDate) setValue(path(i, 'filingDate'), known.filingDate as never);
    setValue(path(i, 'status'), known.status as never);
  };

  return (
    <div>
      {fields.map((f, i) => (
        <Row key={f.id} gutter={8} align="top">
          <Col span={6}>
            <FormField
              control={control}
              name={path(i, 'number')}
              label={i === 0 ? '专利号' : ''}
              required={i === 0}
              render={(field) => (
                <div>
                  <Input
                    {...field}
                    value={(field.value as string) ?? ''}
                    aria-label={`第 ${i + 1} 件专利号`}
                    placeholder="如 202010310978.3"
                    onBlur={() => {
                      field.onBlur();
                      void lookUp(i);
                    }}
                  />
                  <NumberCheck
                    number={(field.value as string) ?? ''}
                    filingDate={patents[i]?.filingDate}
                    shownByForm={formError(i)}
                  />
                </div>
              )}
            />
          </Col>
          <Col span={8}>
            <FormField
              control={control}
              name={path(i, 'title')}
              label={i === 0 ? '专利名称' : ''}
              render={(field) => (
                <Input {...field} value={(field.value as string) ?? ''} aria-label={`第 ${i + 1} 件专利名称`} />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name={path(i, 'filingDate')}
              label={i === 0 ? '申请日' : ''}
              render={(field) => (
                <DateInput
                  value={field.value as string | null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  aria-label={`第 ${i + 1} 件申请日`}
                />
              )}
            />
          </Col>
          <Col span={4}>
            <FormField
              control={control}
              name={path(i, 'status')}
              label={i === 0 ? '法律状态' : ''}
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  aria-label={`第 ${i + 1} 件法律状态`}
                  options={PATENT_STATUSES.map((s) => ({ value: s, label: s }))}
                />
              )}
            />
          </Col>
          <Col span={2} style={{ paddingTop: i === 0 ? 30 : 0 }}>
            {fields.length > 1 && (
              <Button aria-label={`删除第 ${i + 1} 件专利`} icon={<DeleteOutlined />} onClick={() => remove(i)} />
            )}
          </Col>
        </Row>
      ))}
      <FormField control={control} name={'patents' as Path<T>} label="" render={() => <span />} />
      <Button icon={<PlusOutlined />} onClick={() => append({ ...EMPTY_PATENT } as never)} style={{ marginTop: -12 }}>
        添加专利
      </Button>
    </div>
  );
}
