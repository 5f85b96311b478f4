import { AutoComplete, Button, Col, Input, Row, Select } from 'antd';
import { useRef, useState } from 'react';
import { type Control, type FieldValues, type Path, type PathValue, useController, useWatch } from 'react-hook-form';
import type { PartyInput, PartyView } from '../../shared/contract/filings/parties';
import { ENTERPRISE_SIZES, PARTY_KINDS } from '../../shared/domain/enterprise';
import { CITY_REGIONS } from '../../shared/domain/regions';
import { checkUscc } from '../../shared/domain/uscc';
import { useSearch } from '../data/useSearch';
import { call } from '../transport/desk';
import { FormField } from './FormField';
import { useFormSubmit } from './formSubmit';

const REGION_OPTIONS = CITY_REGIONS.map((r) => ({ value: r.code, label: r.name }));
const SEARCH_DELAY_MS = 200;

/** Known parties whose name or USCC holds the text typed. */
const searchParties = (text: string) => call('parties.search', { query: text, limit: 12 });

export function partyFromView(p: PartyView): PartyInput {
  return {
    id: p.id,
    name: p.name,
    uscc: p.uscc ?? '',
    kind: p.kind,
    regionCode: p.regionCode ?? null,
    size: p.size ?? null,
    sector: (p.sector as PartyInput['sector']) ?? null,
  };
}

export const EMPTY_PARTY: PartyInput = { id: null, name: '', uscc: '', kind: '企业', regionCode: null, size: null };

/**
 * A party of a filing: type its name or USCC and pick a known one (Chinese substring search over names and codes),
 * or fill in a new one here. Picking fills every field; changing the name afterwards makes it a new party again.
 */
export function PartyPicker<T extends FieldValues>({
  control,
  name,
  label,
  showSize = true,
}: {
  control: Control<T>;
  name: string;
  label: string;
  showSize?: boolean;
}) {
  const path = (field: string) => `${name}.${field}` as Path<T>;
  const party = useController({ control, name: name as Path<T> });
  const current = (useWatch({ control, name: name as Path<T> }) ?? EMPTY_PARTY) as PartyInput;
  const [query, setQuery] = useState('');
  // A refused search offers nothing to pick: the party is then filled in by hand.
  const found = useSearch(query, searchParties, SEARCH_DELAY_MS).found ?? [];
  const pickedName = useRef<string | null>(current.id ? current.name : null);
  const confirmWarning = useController({ control, name: path('confirmUsccWarning') });
  const submit = useFormSubmit();
  const usccChecked = current.uscc ? checkUscc(current.uscc) : null;
  // A code failing only its embedded organization-code check was issued all the same (DOMAIN §3): the user may save it.
  const warning =
    usccChecked?.ok && usccChecked.warning && current.confirmUsccWarning !== true ? usccChecked.warning.message : null;
  const saveAnyway = () => {
    confirmWarning.field.onChange(true as PathValue<T, Path<T>>);
    submit?.();
  };

  const pick = (p: PartyView) => {
    pickedName.current = p.name;
    party.field.onChange(partyFromView(p) as PathValue<T, Path<T>>);
    setQuery('');
  };
  const options = found.map((p) => ({
    value: p.id,
    label: (
      <span>
        {p.name}{' '}
        <span style={{ color: '#999' }}>
          {p.uscc ?? ''} {p.kind}
        </span>
      </span>
    ),
  }));
  const onSelect = (id: string) => {
    const p = found.find((f) => f.id === id);
    if (p) pick(p);
  };

  return (
    <fieldset aria-label={label} style={{ border: 0, margin: 0, padding: 0 }}>
      <Row gutter={12}>
        <Col span={showSize ? 7 : 9}>
          <FormField
            control={control}
            name={path('name')}
            label={`${label}名称`}
            required
            render={(field) => (
              <AutoComplete
                value={field.value as string}
                options={options}
                onSelect={onSelect}
                onSearch={setQuery}
                onBlur={field.onBlur}
                onChange={(text: string) => {
                  field.onChange(text);
                  // A name typed over a picked party starts a new party: it is matched again by core on save.
                  if (pickedName.current !== null && text !== pickedName.current) {
                    pickedName.current = null;
                    party.field.onChange({ ...current, name: text, id: null } as PathValue<T, Path<T>>);
                  }
                }}
              >
                <Input aria-label={`${label}名称`} placeholder="输入名称或代码查找，或填写新单位" />
              </AutoComplete>
            )}
          />
        </Col>
        <Col span={6}>
          <FormField
            control={control}
            name={path('uscc')}
            label="统一社会信用代码"
            render={(field) => (
              <AutoComplete
                value={(field.value as string) ?? ''}
                options={options}
                onSelect={onSelect}
                onSearch={setQuery}
                onChange={(text: string) => {
                  field.onChange(text);
                  // A confirmation is for the code the user checked, not for the next one typed.
                  if (current.confirmUsccWarning) confirmWarning.field.onChange(null as PathValue<T, Path<T>>);
                }}
                onBlur={field.onBlur}
              >
                <Input aria-label={`${label}统一社会信用代码`} maxLength={18} placeholder="18 位，个人不填" />
              </AutoComplete>
            )}
          />
          {warning && submit && (
            <div style={{ marginTop: -20, marginBottom: 8 }}>
              <Button size="small" danger onClick={saveAnyway} title={`${warning}。已核实代码无误时点此保存`}>
                仍然保存
              </Button>
            </div>
          )}
        </Col>
        <Col span={showSize ? 3 : 4}>
          <FormField
            control={control}
            name={path('kind')}
            label="类型"
            required
            render={(field) => (
              <Select
                {...field}
                aria-label={`${label}类型`}
                options={PARTY_KINDS.map((k) => ({ value: k, label: k }))}
              />
            )}
          />
        </Col>
        <Col span={showSize ? 4 : 5}>
          <FormField
            control={control}
            name={path('regionCode')}
            label="所在地"
            render={(field) => (
              <Select
                {...field}
                value={field.value ?? undefined}
                allowClear
                aria-label={`${label}所在地`}
                placeholder="地市"
                options={REGION_OPTIONS}
              />
            )}
          />
        </Col>
        {showSize && (
          <Col span={4}>
            <FormField
              control={control}
              name={path('size')}
              label="规模"
              render={(field) => (
                <Select
                  {...field}
                  value={field.value ?? undefined}
                  allowClear
                  aria-label={`${label}规模`}
                  placeholder="按年度数据推定"
                  options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: s }))}
                />
              )}
            />
          </Col>
        )}
      </Row>
    </fieldset>
  );
}
