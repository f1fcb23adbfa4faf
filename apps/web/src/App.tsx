import { useEffect } from 'react';
import { useSession } from './auth/session';
import { useI18n } from './i18n/i18n';
import { TeamsPage, UsersPage } from './pages/AdminLists';
import { FamiliesPage } from './pages/FamiliesPage';
import { FamilyPage } from './pages/FamilyPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RemindersPage } from './pages/RemindersPage';
import { homeOf, Layout } from './ui/Layout';
import { matchPath, navigate, useLocation } from './ui/router';

function Page({ path }: { path: string }) {
  if (path === '/families') return <FamiliesPage />;
  const family = matchPath('/families/:id', path);
  if (family?.id) return <FamilyPage key={family.id} id={family.id} />;
  if (path === '/reminders') return <RemindersPage />;
  if (path === '/users') return <UsersPage />;
  if (path === '/teams') return <TeamsPage />;
  return <NotFoundPage />;
}

export function App() {
  const { t } = useI18n();
  const { me } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    if (me === null && pathname !== '/login') navigate(`/login`, { replace: true });
    if (me && (pathname === '/login' || pathname === '/')) navigate(homeOf(me.role), { replace: true });
  }, [me, pathname]);

  if (me === undefined) return <p className="splash">{t('loading')}</p>;
  if (me === null) return <LoginPage />;
  return (
    <Layout path={pathname}>
      <Page path={pathname} />
    </Layout>
  );
}
