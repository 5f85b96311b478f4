import { Button, Drawer, Form, Space } from 'antd';
import type { ReactNode } from 'react';

/** The drawer a 供需对接 record is filled in: 取消 and 保存 at its top, Enter in a field saves too. */
export function PoolFormDrawer({
  title,
  onClose,
  onSave,
  children,
}: {
  title: string;
  onClose: () => void;
  onSave: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <Drawer
      open
      width={880}
      title={title}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" onClick={() => void onSave()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form layout="vertical" onFinish={() => void onSave()}>
        {children}
      </Form>
    </Drawer>
  );
}
