import { Alert, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserView } from '../../shared/contract/users';
import { call, whenSignedOut } from '../transport/desk';
import { RequiredPasswordChange } from '../pages/account/RequiredPasswordChange';
import { LoginPage } from '../pages/login/LoginPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { SessionContext, type SystemStatus } from './session';
import { Shell } from './Shell';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; status: SystemStatus; user: UserView | null };

/** First run → setup; no session → login; a password the administrator set → its change; otherwise the shell. */
export function DeskApp() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [notice, setNotice] = useState<string | null>(null);
  // Whose pages the address shows: another user signing in lands on the home page, not on the page left open.
  const shownUser = useRef<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [status, user] = await Promise.all([call('system.status', {}), call('auth.me', {})]);
      if (user && shownUser.current !== null && user.id !== shownUser.current)
        history.replaceState(null, '', location.pathname + location.search);
      if (user) shownUser.current = user.id;
      setBoot({ phase: 'ready', status, user });
    } catch (error) {
      setBoot({ phase: 'failed', message: (error as Error).message });
    }
  }, []);

  // load sets state only after its first await; the rule cannot see through the async function.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => void load(), [load]);
  // A session that ended under the shell (idle limit, restart) leads back to login, saying why.
  useEffect(
    () =>
      whenSignedOut((message) => {
        setNotice(message);
        void load();
      }),
    [load],
  );

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
  if (!boot.status.setUp) return <SetupPage onDone={load} setupRegion={boot.status.setupRegion} />;
  if (!boot.user) {
    const signIn = async () => {
      setNotice(null);
      await load();
    };
    return <LoginPage key={notice ?? ''} status={boot.status} onDone={signIn} notice={notice} />;
  }
  const logout = async () => {
    await call('auth.logout', {});
    await load();
  };
  if (boot.user.mustChangePassword) return <RequiredPasswordChange user={boot.user} onDone={load} onLogout={logout} />;
  const session = { status: boot.status, user: boot.user, logout };
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
