import { useState, type FormEvent } from 'react';
import { signIn } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../ui/Layout';

export function LoginPage() {
  const { t } = useI18n();
  const { reload } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signIn(email, password);
    setBusy(false);
    if (result.ok) {
      await reload();
      return;
    }
    const status = result.problem?.status;
    setError(
      result.problem === null
        ? t('networkError')
        : status === 401
          ? t('wrongCredentials')
          : status === 429
            ? t('tooManyAttempts')
            : (result.problem.detail ?? t('genericError')),
    );
  };

  return (
    <main id="main" className="login">
      <h1>{t('appName')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label>
          {t('email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
      <LanguageSwitch />
    </main>
  );
}
