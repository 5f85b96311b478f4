import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Upload } from 'antd';
import type { AttachmentView } from '../../../../shared/contract/filings';
import { call } from '../../../transport/desk';
import { readFileBase64, saveDownload } from '../../../transport/files';

/** Attachments of a record: opened (downloaded) from the data folder, added here, removed with a record of it. */
export function AttachmentsCard({ entity, id, attachments, onChange, canEdit }: { entity: string; id: string; attachments: AttachmentView[]; onChange: () => void; canEdit: boolean }) {
  const { message } = App.useApp();
  const open = async (a: AttachmentView) => {
    try {
      const file = await call('attachments.read', { id: a.id });
      saveDownload({ fileName: file.fileName, base64: file.contentBase64, mimeType: 'application/octet-stream' });
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card
      size="small"
      title="附件"
      style={{ marginBottom: 12 }}
      extra={
        canEdit && (
          <Upload
            showUploadList={false}
            beforeUpload={async (file) => {
              try {
                await call('attachments.add', { entity: entity as never, entityId: id, fileName: file.name, contentBase64: await readFileBase64(file) });
                message.success(`已添加附件 ${file.name}`);
                onChange();
              } catch (error) {
                message.error((error as Error).message);
              }
              return false;
            }}
          >
            <Button size="small" icon={<PaperClipOutlined />}>添加附件</Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        locale={{ emptyText: '没有附件' }}
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            actions={[
              <a key="open" onClick={() => void open(a)}>打开</a>,
              canEdit && (
                <a key="remove" onClick={() => void call('attachments.void', { id: a.id }).then(onChange, (e: Error) => message.error(e.message))}>
                  移除
                </a>
              ),
            ]}
          >
            {a.fileName} <span style={{ color: '#999' }}>（{Math.ceil(a.sizeBytes / 1024)} KB，SHA-256 {a.sha256.slice(0, 12)}…）</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
