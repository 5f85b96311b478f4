import { Alert, Button, Card, Descriptions, Input, Typography } from 'antd';
import { useSession } from '../../app/session';
import { useCall } from '../../data/useCall';
import { useShownError } from '../../data/useShownError';
import { downloadText } from '../../transport/files';

/** The installation's public key and fingerprint, for enrollment at the province. */
export function SigningKeyTab() {
  const { status } = useSession();
  const { value: key, error } = useCall('sync.signingKey', {});
  useShownError(error);
  const save = () => {
    if (!key) return;
    downloadText(key.publicKeyPem, `签名公钥-${key.regionCode}.pem`, 'application/x-pem-file');
  };
  return (
    <Card>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16, maxWidth: 760 }}
        message="报送前，请把本机签名公钥交省级登记"
        description="省级只接收已登记公钥签名的批次。请保存公钥文件交省级管理员（patent-desk province enroll），并电话核对下面的指纹。私钥只保存在本机，不会导出。"
      />
      <Descriptions column={1} size="small" style={{ maxWidth: 760 }}>
        <Descriptions.Item label="本机地区">
          {status.region ? `${status.region.name}（${status.region.code}）` : (key?.regionCode ?? '…')}
        </Descriptions.Item>
        <Descriptions.Item label="本机编号">{key?.installationId ?? '…'}</Descriptions.Item>
        <Descriptions.Item label="公钥指纹">
          <Typography.Text code copyable={key ? { text: key.fingerprint } : false} aria-label="公钥指纹">
            {key?.fingerprint ?? '…'}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Input.TextArea
        aria-label="签名公钥"
        readOnly
        value={key?.publicKeyPem ?? ''}
        autoSize
        style={{ maxWidth: 760, fontFamily: 'monospace', margin: '12px 0' }}
      />
      <div>
        <Button type="primary" disabled={!key} onClick={save}>
          保存公钥文件
        </Button>
      </div>
    </Card>
  );
}
