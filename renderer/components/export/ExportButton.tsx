import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { ExportFormat, ExportList } from '../../../shared/contract/importing';
import { call } from '../../transport/desk';
import { saveDownload } from './saveDownload';

type TableCell = string | number | null;

/** What to export: a filings list with the filters the page shows, or a table exactly as shown (indicators). */
export type ExportSource =
  | { list: ExportList; filters: Record<string, unknown> }
  | { table: { title: string; columns: string[]; rows: TableCell[][] } };

/**
 * 导出 next to a list or table: Excel (.xlsx) or CSV (UTF-8 with BOM, opens in Excel without mojibake).
 * Drop it into a PageHeader's `extra` or a card's title bar.
 */
export function ExportButton({
  source,
  disabled,
}: {
  source: ExportSource | (() => ExportSource);
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function exportAs(format: ExportFormat) {
    setBusy(true);
    try {
      const what = typeof source === 'function' ? source() : source;
      const file =
        'list' in what
          ? await call('export.list', { list: what.list, filters: what.filters, format })
          : await call('export.table', { ...what.table, format });
      saveDownload(file);
      message.success(`已导出：${file.fileName}`);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dropdown
      disabled={disabled || busy}
      menu={{
        items: [
          { key: 'xlsx', label: '导出 Excel（.xlsx）' },
          { key: 'csv', label: '导出 CSV（Excel 可直接打开）' },
        ],
        onClick: ({ key }) => void exportAs(key as ExportFormat),
      }}
    >
      <Button icon={<ExportOutlined />} loading={busy}>
        导出 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
