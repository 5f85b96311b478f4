import { Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

/** Voiding asks why; the record stays, hidden from the default list, with its reason in the history. */
export function VoidButton({ what, onVoid }: { what: string; onVoid: (reason: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!reason.trim()) return setProblem('请填写作废原因');
    setBusy(true);
    try {
      await onVoid(reason.trim());
      setOpen(false);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        作废
      </Button>
      <Modal
        title={`作废${what}`}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => void confirm()}
        okText="确认作废"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          作废后记录不会删除，默认列表中不再显示，可通过“已作废”筛选查看。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="作废原因"
          rows={3}
          value={reason}
          placeholder="请填写作废原因"
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
          status={problem ? 'error' : undefined}
        />
        {problem && <div style={{ color: '#ff4d4f' }}>{problem}</div>}
      </Modal>
    </>
  );
}
