import { Button, Input, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * Above a 供需对接 list: its search box (asked on Enter or the search button) and, where the user may record, the
 * button that adds a row; more (an export, a count) follows them.
 */
export function PoolToolbar({
  placeholder,
  label,
  onSearch,
  addLabel,
  onAdd,
  children,
}: {
  placeholder: string;
  label: string;
  onSearch: (text: string) => void;
  /** No button when null. */
  addLabel: string | null;
  onAdd: () => void;
  children?: ReactNode;
}) {
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Input.Search
        allowClear
        placeholder={placeholder}
        aria-label={label}
        onSearch={onSearch}
        style={{ width: 320 }}
      />
      {addLabel && (
        <Button type="primary" onClick={onAdd}>
          {addLabel}
        </Button>
      )}
      {children}
    </Space>
  );
}
