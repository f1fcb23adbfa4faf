import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export function UsersPage() {
  const { t } = useI18n();
  const [users, setUsers] = useState<Schemas['UserPageDto']['items'] | null>(null);
  useEffect(() => {
    void api
      .GET('/api/v1/users', { params: { query: { limit: 200 } } })
      .then(({ data }) => setUsers(data?.items ?? []));
  }, []);
  return (
    <section>
      <h1>{t('users')}</h1>
      {users === null ? (
        <p>{t('loading')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('role')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.fullName}</td>
                  <td>{'email' in user ? user.email : ''}</td>
                  <td>{'role' in user ? t(`role_${user.role}` as MessageKey) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function TeamsPage() {
  const { t } = useI18n();
  const [teams, setTeams] = useState<Schemas['TeamDto'][] | null>(null);
  useEffect(() => {
    void api
      .GET('/api/v1/teams', { params: { query: { limit: 200 } } })
      .then(({ data }) => setTeams(data?.items ?? []));
  }, []);
  return (
    <section>
      <h1>{t('teams')}</h1>
      {teams === null ? (
        <p>{t('loading')}</p>
      ) : (
        <ul className="cards">
          {teams.map((team) => (
            <li key={team.id} className="card">
              <span className="card-title">{team.name}</span>
              {team.region && <span className="muted">{team.region}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
