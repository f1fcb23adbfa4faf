import type { ReactNode } from 'react';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LANGUAGES, type Language, type MessageKey } from '../i18n/messages';
import { Link, navigate } from './router';

type Role = 'admin' | 'supervisor' | 'accompanier' | 'psychologist';

/** What each role's navigation shows; the API still decides what each may read. */
const NAVIGATION: Record<Role, Array<{ href: string; label: MessageKey }>> = {
  accompanier: [
    { href: '/families', label: 'navFamilies' },
    { href: '/reminders', label: 'navReminders' },
  ],
  supervisor: [
    { href: '/families', label: 'navTeamFamilies' },
    { href: '/reminders', label: 'navReminders' },
  ],
  psychologist: [{ href: '/reminders', label: 'navReminders' }],
  admin: [
    { href: '/users', label: 'navUsers' },
    { href: '/teams', label: 'navTeams' },
  ],
};

export function homeOf(role: string): string {
  return NAVIGATION[role as Role]?.[0]?.href ?? '/reminders';
}

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      <span>{t('language')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {{ az: 'Azərbaycanca', ru: 'Русский', en: 'English' }[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const links = me ? (NAVIGATION[me.role] ?? []) : [];
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('mainNavigation')}>
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              aria-current={path.startsWith(link.href) ? 'page' : undefined}
            >
              {t(link.label)}
            </Link>
          ))}
        </nav>
        <div className="account">
          <LanguageSwitch />
          {me && (
            <>
              <span className="who" title={me.email}>
                {me.fullName} · {t(`role_${me.role}` as MessageKey)}
              </span>
              <button
                type="button"
                onClick={() => {
                  void signOut().then(() => navigate('/login', { replace: true }));
                }}
              >
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
