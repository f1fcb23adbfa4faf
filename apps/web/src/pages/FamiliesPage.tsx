import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { Link } from '../ui/router';

type Status = Schemas['FamilySummaryDto']['status'];
const STATUSES: Status[] = ['open', 'active', 'on_hold', 'closed'];

export function FamiliesPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [families, setFamilies] = useState<Schemas['FamilySummaryDto'][] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    // Waits for a pause in typing, so a search is one request, not one per letter.
    const timer = setTimeout(() => {
      const query = { ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}), limit: 100 };
      api
        .GET('/api/v1/families', { params: { query } })
        .then(({ data }) => {
          if (!current) return;
          setFailed(!data);
          setFamilies(data?.items ?? []);
        })
        .catch(() => current && setFailed(true));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, status]);

  return (
    <section>
      <h1>{me?.role === 'supervisor' ? t('teamFamilies') : t('myFamilies')}</h1>
      <div className="filters" role="search">
        <label>
          {t('search')}
          <input type="search" value={q} onChange={(event) => setQ(event.target.value)} />
        </label>
        <label>
          {t('statusFilter')}
          <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
            <option value="">{t('allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`family_${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {failed && (
        <p role="alert" className="error">
          {t('networkError')}
        </p>
      )}
      {families === null ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : families.length === 0 ? (
        <p>{t('noFamilies')}</p>
      ) : (
        <ul className="cards" aria-live="polite">
          {families.map((family) => (
            <li key={family.id} className="card">
              <Link href={`/families/${family.id}`} className="card-title">
                {family.missingPersons.map((p) => p.fullName).join(', ') || family.reference}
              </Link>
              <span className={`badge status-${family.status}`}>
                {t(`family_${family.status}` as MessageKey)}
              </span>
              <span className="muted">
                {family.reference} · {t('membersCount')}: {family.memberCount}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
