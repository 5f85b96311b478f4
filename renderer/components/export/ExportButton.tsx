import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { ExportFormat, ExportList } from '../../../shared/contract/exporting';
import { call } from '../../transport/desk';
import { saveDownload } from '../../transport/files';

type TableCell = string | number | null;

/** What to export: a filings list with the filters the page shows, or a table exactly as shown (indicators). */
export type ExportSource =
  | { list: ExportList; filters: Record<string, unknown> }
  | { table: { title: string; columns: string[]; rows: TableCell[][] } };

/**
 * 导出 next to a list or table: Excel (.xlsx) or CSV (UTF-8 with BOM, opens in Excel without mojibake).
 * Drop it into a PageHeader's `extra` or a card's title bar.
 */
/** Past this many rows an export takes long enough that the caseworker is shown it is under way. */
export const LONG_EXPORT_ROWS = 10_000;

export function ExportButton({
  source,
  disabled,
  rowCount,
}: {
  source: ExportSource | (() => ExportSource);
  disabled?: boolean;
  /** Rows the export will hold (a list's total), or null while the list does not know it yet: past LONG_EXPORT_ROWS,
   * or unknown, the export shows a progress bar. */
  rowCount?: number | null;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // The menu closes on a choice, and the dropdown stays enabled while it exports (a second choice then waits): a
  // dropdown disabled while the pointer is on it never hears the pointer leave, and its menu stayed open after the
  // file was saved.
  const [menuOpen, setMenuOpen] = useState(false);

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

  const long = busy && rowCount !== undefined && (rowCount === null || rowCount > LONG_EXPORT_ROWS);
  return (
    <>
      <Modal open={long} title="正在导出" footer={null} closable={false} maskClosable={false}>
        <Typography.Text>
          正在导出{typeof rowCount === 'number' ? ` ${rowCount.toLocaleString('zh-CN')} 条` : '全部符合条件的'}
          记录，请稍候，完成后会自动保存文件。
        </Typography.Text>
        <Progress percent={100} status="active" showInfo={false} aria-label="导出进度" />
      </Modal>
      <Dropdown
        disabled={disabled}
        open={menuOpen}
        onOpenChange={setMenuOpen}
        menu={{
          items: [
            { key: 'xlsx', label: '导出 Excel（.xlsx）' },
            { key: 'csv', label: '导出 CSV（Excel 可直接打开）' },
          ],
          onClick: ({ key }) => {
            setMenuOpen(false);
            if (!busy) void exportAs(key as ExportFormat);
          },
        }}
      >
        <Button icon={<ExportOutlined />} loading={busy}>
          导出 <DownOutlined />
        </Button>
      </Dropdown>
    </>
  );
}
