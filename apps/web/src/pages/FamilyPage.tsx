import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ContactForm } from './ContactForm';
import { NotFoundPage } from './NotFoundPage';
import { loadOpenReminders, RemindersList } from './RemindersList';

type Family = Schemas['FamilyDto'] | Schemas['ReducedFamilyDto'];

export function FamilyPage({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
  const { me } = useSession();
  const [family, setFamily] = useState<Family | null | undefined>(undefined);
  const [contacts, setContacts] = useState<Schemas['ContactDto'][]>([]);
  const [reminders, setReminders] = useState<Schemas['ReminderDto'][]>([]);

  const loadContacts = useCallback(async () => {
    const { data } = await api.GET('/api/v1/families/{id}/contacts', {
      params: { path: { id }, query: { limit: 100 } },
    });
    setContacts(data?.items ?? []);
  }, [id]);
  const loadReminders = useCallback(async () => {
    const open = await loadOpenReminders();
    setReminders((open ?? []).filter((reminder) => reminder.familyId === id));
  }, [id]);

  useEffect(() => {
    let current = true;
    void api.GET('/api/v1/families/{id}', { params: { path: { id } } }).then(({ data }) => {
      if (!current) return;
      setFamily(data ?? null);
      if (data) void Promise.all([loadContacts(), loadReminders()]);
    });
    return () => {
      current = false;
    };
  }, [id, loadContacts, loadReminders]);

  if (family === undefined) return <p>{t('loading')}</p>;
  // 404 for a family that does not exist and for one the caller may not see alike.
  if (family === null) return <NotFoundPage />;

  const members = family.members;
  const mayRecord = me?.role === 'accompanier' && family.view === 'full' && family.status !== 'closed';
  return (
    <article className="family">
      <h1>
        {family.missingPersons.map((person) => person.fullName).join(', ') || family.reference}{' '}
        <span className={`badge status-${family.status}`}>{t(`family_${family.status}` as MessageKey)}</span>
      </h1>
      <p className="muted">
        {t('reference')}: {family.reference}
      </p>
      {family.view === 'reduced' && <p className="notice">{t('reducedView')}</p>}
      <div className="columns">
        <section aria-labelledby="missing-title">
          <h2 id="missing-title">{t('missingPersons')}</h2>
          <ul className="plain">
            {family.missingPersons.map((person) => (
              <li key={person.id}>
                {person.fullName} <span className="badge">{t(`mp_${person.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t('members')}</h2>
          <ul className="plain">
            {members.map((member) => (
              <li key={member.id}>
                {member.fullName}
                {member.otherNames.length > 0 && (
                  <span className="muted"> ({member.otherNames.join(', ')})</span>
                )}
                {member.isContactPerson && <span className="muted"> · {t('contactPerson')}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {me?.role !== 'supervisor' && (
        <section aria-labelledby="family-reminders-title">
          <h2 id="family-reminders-title">{t('familyReminders')}</h2>
          <RemindersList reminders={reminders} onChanged={() => void loadReminders()} linkFamilies={false} />
        </section>
      )}
      {mayRecord && (
        <ContactForm
          familyId={family.id}
          onSaved={() => {
            void loadContacts();
            void loadReminders();
          }}
        />
      )}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('contacts')}</h2>
        {contacts.length === 0 ? (
          <p>{t('noContacts')}</p>
        ) : (
          <ol className="timeline">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <strong>{t(`kind_${contact.kind}`)}</strong>{' '}
                <time dateTime={contact.occurredAt}>{formatDateTime(contact.occurredAt)}</time>
                {!contact.contactMade && <span className="muted"> · {t('attemptOnly')}</span>}
                <p>{contact.summary}</p>
                {contact.nextFollowUpAt && (
                  <p className="muted">
                    {t('nextFollowUpAt')}:{' '}
                    <time dateTime={contact.nextFollowUpAt}>{formatDateTime(contact.nextFollowUpAt)}</time>
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
