import { Alert, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { UserView } from '../../shared/contract/auth';
import { call } from '../transport/desk';
import { LoginPage } from '../pages/login/LoginPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { SessionContext, type SystemStatus } from './session';
import { Shell } from './Shell';

type Boot = { phase: 'loading' } | { phase: 'failed'; message: string } | { phase: 'ready'; status: SystemStatus; user: UserView | null };

/** First run → setup; no session → login; otherwise the shell. */
export function DeskApp() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const load = useCallback(async () => {
    try {
      const [status, user] = await Promise.all([call('system.status', {}), call('auth.me', {})]);
      setBoot({ phase: 'ready', status, user });
    } catch (error) {
      setBoot({ phase: 'failed', message: (error as Error).message });
    }
  }, []);

  useEffect(() => void load(), [load]);

  if (boot.phase === 'loading') return <Spin fullscreen tip="正在打开工作台…" />;
  if (boot.phase === 'failed') {
    return (
      <Result
        status="error"
        title="工作台未能打开"
        subTitle={<Alert type="error" showIcon message={boot.message} />}
        extra={<Button onClick={() => void load()}>重试</Button>}
      />
    );
  }
  if (!boot.status.setUp) return <SetupPage onDone={load} />;
  if (!boot.user) return <LoginPage status={boot.status} onDone={load} />;
  const session = {
    status: boot.status,
    user: boot.user,
    logout: async () => {
      await call('auth.logout', {});
      await load();
    },
  };
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
