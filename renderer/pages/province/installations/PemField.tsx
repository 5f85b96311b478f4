import { UploadOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useRef } from 'react';

/** A public key pasted as text, or read from the .pem file the city saved (设置 → 签名密钥, or `patent-desk key`). */
export function PemField({
  value,
  onChange,
  onBlur,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  label: string;
}) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        rows={5}
        placeholder={'-----BEGIN PUBLIC KEY-----\n……\n-----END PUBLIC KEY-----'}
        style={{ fontFamily: 'monospace' }}
      />
      <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()}>
        选择公钥文件
      </Button>
      <input
        ref={picker}
        type="file"
        accept=".pem,.txt,text/plain"
        hidden
        aria-label="公钥文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void file.text().then(onChange);
          e.target.value = '';
        }}
      />
    </Space>
  );
}
