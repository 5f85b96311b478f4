import { Modal, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { RECORD_SEARCH_ID } from './RecordSearch';

/** Keys the desk answers; none is one a browser keeps for itself (Ctrl+N, Ctrl+T, Ctrl+W open or close windows). */
const SHORTCUTS = [
  { keys: 'Alt+N', what: '新增记录（备案登记中，新增当前类别）' },
  { keys: '/', what: '查找记录（合同编号、专利号、单位名称或信用代码、登记号）' },
  { keys: 'Enter', what: '保存正在填写的表单' },
  { keys: 'Esc', what: '取消填写（先询问是否保留草稿）、关闭对话框' },
  { keys: '?', what: '显示本快捷键列表' },
];

/** Typing into a field must not trigger a shortcut of a printable key. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/** `/` goes to the record search, `?` opens the list of shortcuts. */
export function useShellShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === '/') {
        const box = document.getElementById(RECORD_SEARCH_ID);
        if (!box) return;
        e.preventDefault();
        box.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openHelp]);
}

/** The 快捷键 list, from `?` or the user menu. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="快捷键" open={open} onCancel={onClose} footer={null} width={520}>
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={SHORTCUTS}
        columns={[
          {
            title: '按键',
            dataIndex: 'keys',
            width: 90,
            render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text>,
          },
          { title: '作用', dataIndex: 'what' },
        ]}
      />
    </Modal>
  );
}
