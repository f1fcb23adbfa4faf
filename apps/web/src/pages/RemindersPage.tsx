import { useCallback, useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { loadOpenReminders, RemindersList } from './RemindersList';

export function RemindersPage() {
  const { t } = useI18n();
  const [reminders, setReminders] = useState<Schemas['ReminderDto'][] | null | undefined>(undefined);
  const load = useCallback(() => {
    void loadOpenReminders().then(setReminders);
  }, []);
  useEffect(load, [load]);
  return (
    <section>
      <h1>{t('reminders')}</h1>
      {reminders === undefined && <p>{t('loading')}</p>}
      {reminders === null && (
        <p role="alert" className="error">
          {t('networkError')}
        </p>
      )}
      {reminders && <RemindersList reminders={reminders} onChanged={load} linkFamilies />}
    </section>
  );
}
