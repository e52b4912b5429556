import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { api, configureApi } from '../api/client';
import type { SessionUser } from '../api/types';

// sessionStorage: the login lasts as long as the tab, and is never shared with other tabs.
const STORAGE_KEY = 'rectify.session';

interface StoredSession {
  token: string;
  user: SessionUser;
}

interface SessionContextValue {
  user: SessionUser | null;
  /** Why the last session ended, shown once on the login page. */
  endedReason: string | null;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(readStored);
  const [endedReason, setEndedReason] = useState<string | null>(null);

  const end = useCallback((reason: string | null) => {
    sessionStorage.removeItem(STORAGE_KEY);
    configureApi({ token: null, onUnauthorized: () => {} });
    setEndedReason(reason);
    setSession(null);
  }, []);

  // Configured during render so that children's first requests already carry the token.
  configureApi({ token: session?.token ?? null, onUnauthorized: () => end('Your session has ended. Please sign in again.') });

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<{ accessToken: string; user: SessionUser }>('/api/auth/login', { username, password });
    const stored = { token: result.accessToken, user: result.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    setEndedReason(null);
    setSession(stored);
    return result.user;
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ user: session?.user ?? null, endedReason, login, logout: () => end(null) }),
    [session, endedReason, login, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only used below the route guard, where there always is one. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
