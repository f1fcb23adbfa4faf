import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { urgencyOf } from '../ui/reminder-urgency';
import { Link } from '../ui/router';

type Reminder = Schemas['ReminderDto'];

/** Open reminders with their urgency badge and a "mark done" button. */
export function RemindersList({
  reminders,
  onChanged,
  linkFamilies,
}: {
  reminders: Reminder[];
  onChanged: () => void;
  linkFamilies: boolean;
}) {
  const { t, formatDateTime } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const now = new Date();

  const markDone = async (reminder: Reminder) => {
    setError(null);
    const { error: problem } = await api.PATCH('/api/v1/reminders/{id}', {
      params: { path: { id: reminder.id }, header: { 'If-Match': `"${reminder.version}"` } },
      body: { status: 'done' },
    });
    if (problem) setError(problem.detail ?? t('genericError'));
    onChanged();
  };

  if (reminders.length === 0) return <p>{t('noReminders')}</p>;
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="cards">
        {reminders.map((reminder) => {
          const urgency = urgencyOf(reminder, now);
          return (
            <li key={reminder.id} className={`card reminder ${urgency}`}>
              <span className="card-title">{t(`reminder_${reminder.kind}` as MessageKey)}</span>
              <span className={`badge urgency-${urgency}`}>{t(urgency)}</span>
              <span className="muted">
                {t('dueAt')}: <time dateTime={reminder.dueAt}>{formatDateTime(reminder.dueAt)}</time>
              </span>
              <span className="actions">
                {linkFamilies && <Link href={`/families/${reminder.familyId}`}>{t('openFamily')}</Link>}
                <button type="button" onClick={() => void markDone(reminder)}>
                  {t('markDone')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The open reminders of the signed-in user (due and escalated first, then scheduled). */
export async function loadOpenReminders(): Promise<Reminder[] | null> {
  const statuses = ['due', 'escalated', 'scheduled'] as const;
  const pages = await Promise.all(
    statuses.map((status) => api.GET('/api/v1/reminders', { params: { query: { status, limit: 200 } } })),
  );
  if (pages.some((page) => !page.data)) return null;
  return pages.flatMap((page) => page.data?.items ?? []).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
