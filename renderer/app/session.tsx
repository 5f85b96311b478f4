import { createContext, useContext } from 'react';
import type { UserView } from '../../shared/contract/users';
import type { MethodOutput } from '../../shared/contract/index';

export type SystemStatus = MethodOutput<'system.status'>;

export interface Session {
  status: SystemStatus;
  user: UserView;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and this installation; only inside the shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in shell');
  return session;
}
