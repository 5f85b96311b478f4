import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { type ReactElement, useEffect } from 'react';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ImportPage } from '../importing/ImportPage';
import { RecordDetail } from './detail/RecordDetail';
import { DealForm } from './forms/DealForm';
import { FiguresForm } from './forms/FiguresForm';
import { PledgeForm } from './forms/PledgeForm';
import { RegistrationForm } from './forms/RegistrationForm';
import { SubsidyForm } from './forms/SubsidyForm';
import { KIND_ORDER, KINDS, type KindKey } from './kinds';
import { RecordList } from './list/RecordList';
import { useRecordsPlace } from './recordsPlace';

const FORMS: Record<KindKey, (props: { id?: string }) => ReactElement> = {
  deals: DealForm,
  pledges: PledgeForm,
  registrations: RegistrationForm,
  figures: FiguresForm,
  subsidies: SubsidyForm,
};

function useKind(): KindKey | null {
  const { kind } = useParams();
  return kind && kind in KINDS ? (kind as KindKey) : null;
}

/** Alt+N opens a new record of the kind on screen, wherever the user is in the filings (Ctrl+N is the browser's). */
function useNewShortcut(kind: KindKey, enabled: boolean) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      // The key's place, not its character: Alt changes the character on some keyboards.
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        navigate(`/filings/${kind}/new`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [kind, enabled, navigate]);
}

function ListScreen() {
  const kind = useKind();
  const navigate = useNavigate();
  const { canEdit } = useRecordsPlace();
  useNewShortcut(kind ?? 'deals', canEdit && kind !== null);
  if (!kind) return <Navigate to="/filings/deals" replace />;
  const spec = KINDS[kind];
  return (
    <>
      <PageHeader
        title="备案登记"
        description="登记专利交易、质押融资、产品备案、企业年度数据和奖补；Alt+N 新增 · / 查找 · ? 快捷键"
        extra={
          canEdit && (
            <>
              <Button icon={<FileExcelOutlined />} onClick={() => navigate('/filings/import')}>
                从 Excel 导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/filings/${kind}/new`)}>
                新增{spec.label}
              </Button>
            </>
          )
        }
      />
      <Tabs
        activeKey={kind}
        onChange={(k) => navigate(`/filings/${k}`)}
        items={KIND_ORDER.map((k) => ({ key: k, label: KINDS[k].label }))}
      />
      <RecordList key={kind} spec={spec} />
    </>
  );
}

function FormScreen({ edit }: { edit: boolean }) {
  const kind = useKind();
  const { id } = useParams();
  if (!kind) return <Navigate to="/filings/deals" replace />;
  const Form = FORMS[kind];
  return <Form key={`${kind}-${id ?? 'new'}`} id={edit ? id : undefined} />;
}

function DetailScreen() {
  const kind = useKind();
  const { id } = useParams();
  useNewShortcut(kind ?? 'deals', kind !== null);
  if (!kind || !id) return <Navigate to="/filings/deals" replace />;
  return <RecordDetail key={id} spec={KINDS[kind]} id={id} />;
}

/** 备案登记: lists of the five kinds of filing, their forms and details, and the Excel import. */
export function FilingsPage() {
  return (
    <Routes>
      <Route index element={<Navigate to="deals" replace />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":kind" element={<ListScreen />} />
      <Route path=":kind/new" element={<FormScreen edit={false} />} />
      <Route path=":kind/:id" element={<DetailScreen />} />
      <Route path=":kind/:id/edit" element={<FormScreen edit />} />
    </Routes>
  );
}
