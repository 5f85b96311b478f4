import { DownOutlined, KeyOutlined, LogoutOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { ChangePasswordForm } from '../pages/account/ChangePasswordForm';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { RecordSearch } from './RecordSearch';
import { sectionsFor } from './routes';
import { ShortcutHelp, useShellShortcuts } from './Shortcuts';
import { useSession } from './session';

const { Sider, Header, Content } = Layout;

function Navigation() {
  const navigate = useNavigate();
  const location = useLocation();
  const { status } = useSession();
  const current = location.pathname.split('/')[1] ?? 'home';
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[current]}
      items={sectionsFor(status).map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
      onClick={({ key }) => navigate(`/${key}`)}
    />
  );
}

function TopBar() {
  const { status, user, logout } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useShellShortcuts(useCallback(() => setHelpOpen(true), []));
  const hasFilings = sectionsFor(status).some((s) => s.path === 'filings');
  return (
    <Header
      style={{
        background: '#fff',
        padding: '0 24px',
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        borderBottom: '1px solid #f0f0f0',
      }}
    >
      <Space>
        <Typography.Text strong>{status.region?.name}</Typography.Text>
        <Typography.Text type="secondary">专利转化专项工作</Typography.Text>
      </Space>
      <Space>
        {hasFilings && <RecordSearch />}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
              { key: 'shortcuts', icon: <QuestionCircleOutlined />, label: '快捷键（?）' },
            ],
            onClick: ({ key }) => (key === 'password' ? setChangingPassword(true) : setHelpOpen(true)),
          }}
        >
          <Button type="text" aria-label="用户菜单">
            <UserOutlined />
            <span data-testid="current-user">{user.displayName}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
        <Tag color="blue">{user.role}</Tag>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()}>
          退出登录
        </Button>
      </Space>
      <Modal
        title="修改密码"
        open={changingPassword}
        onCancel={() => setChangingPassword(false)}
        footer={null}
        destroyOnHidden
        width={400}
      >
        <ChangePasswordForm currentLabel="当前密码" onDone={() => setChangingPassword(false)} />
      </Modal>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Header>
  );
}

/** A page that fails is caught here; opening another page tries afresh. */
function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <ErrorBoundary resetKey={pathname}>{children}</ErrorBoundary>;
}

/** The signed-in application: the navigation on the left, each section's page on the right. */
export function Shell() {
  const { status } = useSession();
  const sections = sectionsFor(status);
  const landing = `/${sections[0]!.path}`;
  return (
    <HashRouter>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider width={184} breakpoint="lg" collapsedWidth={64}>
          <div
            data-testid="app-title"
            style={{
              color: '#fff',
              fontSize: 16,
              fontWeight: 600,
              padding: '18px 16px',
              whiteSpace: 'nowrap',
              overflow: 'hidden',
            }}
          >
            专利转化工作台
          </div>
          <Navigation />
        </Sider>
        <Layout>
          <TopBar />
          <Content style={{ padding: 24, minWidth: 0 }}>
            <PageBoundary>
              <Routes>
                <Route path="/" element={<Navigate to={landing} replace />} />
                {sections.map((s) => (
                  <Route key={s.path} path={`/${s.path}/*`} element={s.element} />
                ))}
                <Route path="*" element={<Navigate to={landing} replace />} />
              </Routes>
            </PageBoundary>
          </Content>
        </Layout>
      </Layout>
    </HashRouter>
  );
}
