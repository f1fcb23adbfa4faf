import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onSessionChange, refreshSession, signOut, type Schemas } from '../api/client';

type Me = Schemas['MeDto'];

interface Session {
  /** undefined while the refresh cookie is being tried at start-up. */
  me: Me | null | undefined;
  reload: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const reload = useCallback(async () => {
    const { data } = await api.GET('/api/v1/auth/me');
    setMe(data ?? null);
  }, []);

  useEffect(() => {
    // A reload of the page keeps the session through the HTTP-only cookie, not storage.
    void refreshSession().then((ok) => (ok ? reload() : setMe(null)));
    return onSessionChange((signedIn) => {
      if (!signedIn) setMe(null);
    });
  }, [reload]);

  const end = useCallback(async () => {
    await signOut();
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, reload, signOut: end }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
