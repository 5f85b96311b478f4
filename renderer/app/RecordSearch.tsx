import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSearch } from '../data/useSearch';
import { listKind } from '../pages/filings/calls';
import { KIND_ORDER, KINDS, type KindKey } from '../pages/filings/kinds';

/** The id of the box, for the `/` shortcut. */
export const RECORD_SEARCH_ID = 'record-search';

const PER_KIND = 5;
const WAIT_MS = 250;

interface Hit {
  kind: KindKey;
  id: string;
  text: string;
  voided: boolean;
}

/** Each kind's own list search (numbers, patent numbers, names, USCCs), voided records included, a few hits each. */
async function searchAll(text: string): Promise<Hit[]> {
  const pages = await Promise.all(
    KIND_ORDER.map((kind) => listKind(kind, { filters: { search: text, status: 'all' }, limit: PER_KIND })),
  );
  return KIND_ORDER.flatMap((kind, i) =>
    pages[i]!.rows.map((row) => ({ kind, id: row.id, text: KINDS[kind].describe(row), voided: row.voidedAt !== null })),
  );
}

/** One box in the top bar that finds a record of any kind and opens it. */
export function RecordSearch() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const { found, error } = useSearch(value, searchAll, WAIT_MS);

  const options = KIND_ORDER.map((kind) => ({
    label: KINDS[kind].label,
    options: (found ?? [])
      .filter((h) => h.kind === kind)
      .map((h) => ({
        value: `${h.kind}/${h.id}`,
        // The suggestion is cut at the popup's edge; its whole text shows on hover.
        title: h.text,
        label: (
          <span>
            {h.text} {h.voided && <Tag>已作废</Tag>}
          </span>
        ),
      })),
  })).filter((group) => group.options.length > 0);

  return (
    <AutoComplete
      value={value}
      options={options}
      onChange={setValue}
      onSelect={(key: string) => {
        setValue('');
        navigate(`/filings/${key}`);
      }}
      notFoundContent={error ?? (found && found.length === 0 ? '没有找到相符的记录' : null)}
      popupMatchSelectWidth={480}
      // The header's tall line height would stretch the box.
      style={{ width: 260, lineHeight: 'normal' }}
    >
      <Input
        id={RECORD_SEARCH_ID}
        prefix={<SearchOutlined />}
        placeholder="查找合同编号、专利号、单位…（按 / 键）"
        aria-label="查找记录"
        allowClear
      />
    </AutoComplete>
  );
}
