import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { sections } from './routes';
import { useSession } from './session';

const { Sider, Header, Content } = Layout;

function Navigation() {
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[1] ?? 'home';
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[current]}
      items={sections.map((s) => ({ key: s.path, icon: s.icon, label: s.label }))}
      onClick={({ key }) => navigate(`/${key}`)}
    />
  );
}

function TopBar() {
  const { status, user, logout } = useSession();
  return (
    <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: '1px solid #f0f0f0' }}>
      <Space>
        <Typography.Text strong>{status.region?.name}</Typography.Text>
        <Typography.Text type="secondary">专利转化专项工作</Typography.Text>
      </Space>
      <Space>
        <UserOutlined />
        <span data-testid="current-user">{user.displayName}</span>
        <Tag color="blue">{user.role}</Tag>
        <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()}>
          退出登录
        </Button>
      </Space>
    </Header>
  );
}

/** The signed-in application: the navigation on the left, each section's page on the right. */
export function Shell() {
  return (
    <HashRouter>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider width={184} breakpoint="lg" collapsedWidth={64}>
          <div style={{ color: '#fff', fontSize: 16, fontWeight: 600, padding: '18px 16px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
            专利转化工作台
          </div>
          <Navigation />
        </Sider>
        <Layout>
          <TopBar />
          <Content style={{ padding: 24, minWidth: 0 }}>
            <Routes>
              <Route path="/" element={<Navigate to="/home" replace />} />
              {sections.map((s) => (
                <Route key={s.path} path={`/${s.path}/*`} element={s.element} />
              ))}
              <Route path="*" element={<Navigate to="/home" replace />} />
            </Routes>
          </Content>
        </Layout>
      </Layout>
    </HashRouter>
  );
}
