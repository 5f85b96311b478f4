import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, List, Upload } from 'antd';
import type { AttachmentView } from '../../../../shared/contract/filings/attachments';
import { useAction } from '../../../data/useAction';
import { call } from '../../../transport/desk';
import { readFileBase64, saveDownload } from '../../../transport/files';

/** Attachments of a record: opened (downloaded) from the data folder, added here, removed with a record of it. */
export function AttachmentsCard({
  entity,
  id,
  attachments,
  onChange,
  canEdit,
  atProvince = false,
}: {
  entity: string;
  id: string;
  attachments: AttachmentView[];
  onChange: () => void;
  canEdit: boolean;
  /** Attachments stay on the desk that added them: they are not reported, so the province has none to show. */
  atProvince?: boolean;
}) {
  const { run } = useAction();
  const open = async (a: AttachmentView) => {
    const file = await call('attachments.read', { id: a.id });
    saveDownload({ fileName: file.fileName, base64: file.contentBase64, mimeType: 'application/octet-stream' });
  };
  const add = async (file: File) => {
    await call('attachments.add', {
      entity: entity as never,
      entityId: id,
      fileName: file.name,
      contentBase64: await readFileBase64(file),
    });
    onChange();
  };
  const remove = (a: AttachmentView) => call('attachments.void', { id: a.id }).then(onChange);
  return (
    <Card
      size="small"
      title="附件"
      style={{ marginBottom: 12 }}
      extra={
        canEdit && (
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              void run(() => add(file), `已添加附件 ${file.name}`);
              return false;
            }}
          >
            <Button size="small" icon={<PaperClipOutlined />}>
              添加附件
            </Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        locale={{ emptyText: atProvince ? '附件保存在报送该记录的地市工作台，不随数据报送到省级' : '没有附件' }}
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="open" onClick={() => void run(() => open(a))}>
                打开
              </a>,
              canEdit && (
                <a key="remove" onClick={() => void run(() => remove(a))}>
                  移除
                </a>
              ),
            ]}
          >
            {a.fileName}{' '}
            <span style={{ color: '#999' }}>
              （{Math.ceil(a.sizeBytes / 1024)} KB，SHA-256 {a.sha256.slice(0, 12)}…）
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
