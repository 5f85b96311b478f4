import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Space, Upload } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { showServerIssues } from '../../../components/FormField';
import { formatDateTime } from '../../../components/formatDateTime';
import { FormSubmitContext } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { call, DeskCallError } from '../../../transport/desk';
import { readFileBase64 } from '../../../transport/files';
import { FORM_CALLS, type KindRecord } from '../calls';
import { type KindKey, KINDS } from '../kinds';
import { useDraft } from './useDraft';

/** A refused form scrolls to its first message, so the user sees what to correct. */
function showFirstError(): void {
  setTimeout(() => document.querySelector('.ant-form-item-has-error')?.scrollIntoView({ block: 'center' }), 0);
}

/** True while a dropdown or date panel is open: Enter then belongs to it, not to the form. */
function popupOpen(): boolean {
  return (
    document.querySelector(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
    ) !== null
  );
}

/**
 * The frame of every filing form: title, draft kept in the store, attachments to add, and the keys of the paper
 * workflow (Enter saves, Esc cancels). An edit saves a new version of the record.
 */
export function FormShell<K extends KindKey, T extends FieldValues>(props: {
  kind: K;
  id?: string;
  /** The form's checked values are what the kind's save takes. */
  form: UseFormReturn<T, unknown, KindRecord<K>>;
  /** The form's values are ready (an edited record has loaded). */
  ready: boolean;
  children: ReactNode;
}) {
  const { kind, id, form } = props;
  const spec = KINDS[kind];
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const draftKey = `${spec.entity.replace('_', '')}${id ? `:${id}` : ''}`;
  const draft = useDraft(draftKey, form, props.ready);
  const [files, setFiles] = useState<File[]>([]);
  const back = () => navigate(id ? `/filings/${spec.key}/${id}` : `/filings/${spec.key}`);

  // Our own flag, set only while the record is being sent: the button is busy exactly as long as a save runs.
  const [saving, setSaving] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    if (saving) return;
    setSaving(true);
    try {
      const result = await FORM_CALLS[kind].save(values, id);
      for (const file of files) {
        await call('attachments.add', {
          entity: spec.entity,
          entityId: result.id,
          fileName: file.name,
          contentBase64: await readFileBase64(file),
        });
      }
      await draft.clear();
      message.success(result.outcome === 'unchanged' ? '没有改动，未生成新版本' : id ? '已保存为新版本' : '已保存');
      navigate(`/filings/${spec.key}/${result.id}`);
    } catch (error) {
      if (error instanceof DeskCallError) {
        // An edit's fields arrive under `record.`; the form knows them without it.
        const issues = (error.error.issues ?? []).map((i) => ({ ...i, field: i.field.replace(/^record\./, '') }));
        if (showServerIssues(form.setError, { ...error.error, issues })) {
          message.error(error.error.message);
          return;
        }
      }
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  }, showFirstError);

  // Read during render, so react-hook-form keeps it current.
  const { isDirty } = form.formState;
  const asking = useRef<{ destroy: () => void } | null>(null);
  const closeQuestion = () => {
    asking.current?.destroy();
    asking.current = null;
  };
  const discard = async () => {
    closeQuestion();
    await draft.clear();
    back();
  };
  /** Leaving a form with something typed asks first; the draft stays unless the user discards it. */
  const cancel = () => {
    if (!isDirty && !draft.restoredAt) return void discard();
    if (asking.current) return;
    asking.current = modal.confirm({
      title: '放弃未保存的内容？',
      content: '表单中有尚未保存的内容。可以放弃，也可以保留为草稿，下次打开此表单时恢复。',
      keyboard: false,
      footer: () => (
        <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button danger onClick={() => void discard()}>
            放弃
          </Button>
          <Button
            onClick={() => {
              closeQuestion();
              back();
            }}
          >
            保留草稿
          </Button>
          <Button type="primary" autoFocus onClick={closeQuestion}>
            继续编辑
          </Button>
        </Space>
      ),
    });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || popupOpen()) return;
      // Esc while asking means 继续编辑, as it closes any dialog.
      if (asking.current) closeQuestion();
      else cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div>
      <PageHeader
        title={`${id ? '修改' : '新增'}${spec.label}`}
        description={
          id ? '保存后生成新版本，旧版本保留在修改记录中' : 'Enter 保存 · Esc 取消 · 未保存的内容会自动保存为草稿'
        }
      />
      {draft.restoredAt && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已恢复 ${formatDateTime(draft.restoredAt)} 未保存的草稿`}
          action={
            <Button size="small" onClick={() => void draft.clear().then(() => form.reset())}>
              放弃草稿
            </Button>
          }
        />
      )}
      <Form
        layout="vertical"
        disabled={!props.ready}
        onKeyDown={(e) => {
          const target = e.target as HTMLElement;
          // Enter in a plain text box saves; in a date box or a dropdown it picks, as those widgets expect.
          const insideWidget = target.closest('.ant-picker, .ant-select, .ant-input-number') !== null;
          if (e.key === 'Enter' && target.tagName === 'INPUT' && !insideWidget && !popupOpen() && !saving) {
            e.preventDefault();
            void submit();
          }
        }}
        // No native submit: the browser's implicit submission would also fire on Enter inside a date box.
        onSubmitCapture={(e) => e.preventDefault()}
      >
        <FormSubmitContext.Provider value={() => void submit()}>{props.children}</FormSubmitContext.Provider>
        <Card size="small" title="附件（合同扫描件、到账凭证等）" style={{ marginBottom: 16 }}>
          <Upload
            multiple
            beforeUpload={(file) => {
              setFiles((before) => [...before, file]);
              return false;
            }}
            onRemove={(file) => setFiles((before) => before.filter((f) => f.name !== file.name))}
            fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }))}
          >
            <Button icon={<PaperClipOutlined />}>选择文件</Button>
          </Upload>
        </Card>
        <Space>
          <Button type="primary" onClick={() => void submit()} loading={saving}>
            保存
          </Button>
          <Button onClick={cancel}>取消</Button>
        </Space>
      </Form>
    </div>
  );
}
