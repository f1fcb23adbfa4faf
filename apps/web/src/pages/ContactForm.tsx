import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, networkEvents } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { contactBody, validateContact, type ContactDraft } from '../ui/contact-form';
import { fieldErrorsOf } from '../ui/problem';

const KINDS = ['home_visit', 'phone_call', 'office_visit', 'group_activity'] as const;

/** The value of a datetime-local input for a moment, in the device's time zone. */
function localInput(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

const emptyDraft = (): ContactDraft => ({
  kind: 'home_visit',
  occurredAt: localInput(new Date()),
  contactMade: true,
  durationMinutes: '',
  summary: '',
  actionsAgreed: '',
  nextFollowUpAt: '',
});

/**
 * Records a contact. One Idempotency-Key per draft: a submit retried after a dropped
 * connection (automatically, or by pressing Save again) is recorded once.
 */
export function ContactForm({ familyId, onSaved }: { familyId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ContactDraft>(emptyDraft);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    const flag = () => setRetrying(true);
    networkEvents.addEventListener('retrying', flag);
    return () => networkEvents.removeEventListener('retrying', flag);
  }, []);

  const set = <K extends keyof ContactDraft>(field: K, value: ContactDraft[K]) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const local = validateContact(draft, new Date());
    if (Object.keys(local).length > 0) {
      setErrors(Object.fromEntries(Object.entries(local).map(([field, code]) => [field, t(code)])));
      setMessage(t('fixErrors'));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { data, error } = await api.POST('/api/v1/families/{id}/contacts', {
        params: { path: { id: familyId }, header: { 'Idempotency-Key': key } },
        body: contactBody(draft),
      });
      if (data) {
        setDraft(emptyDraft());
        setKey(crypto.randomUUID());
        setMessage(t('saved'));
        onSaved();
      } else {
        // The draft stays as typed; the server's reasons go beside the fields.
        setErrors(fieldErrorsOf(error));
        setMessage(error?.detail ?? t('genericError'));
      }
    } catch {
      setMessage(t('networkError'));
    } finally {
      setBusy(false);
      setRetrying(false);
    }
  };

  const id = useId();
  const field = (name: keyof ContactDraft, label: MessageKey, input: ReactNode, hint?: MessageKey) => (
    <div className={`field${errors[name] ? ' invalid' : ''}`}>
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      {input}
      {hint && <small id={`${id}-${name}-hint`}>{t(hint)}</small>}
      {errors[name] && (
        <small className="error" id={`${id}-${name}-error`}>
          {errors[name]}
        </small>
      )}
    </div>
  );
  const a11y = (name: keyof ContactDraft, hint = false) => ({
    id: `${id}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  });

  return (
    <form
      className="contact-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('recordContact')}</h2>
      {field(
        'kind',
        'kind',
        <select {...a11y('kind')} value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind_${kind}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'occurredAt',
        'occurredAt',
        <input
          {...a11y('occurredAt')}
          type="datetime-local"
          value={draft.occurredAt}
          onChange={(e) => set('occurredAt', e.target.value)}
        />,
      )}
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={draft.contactMade}
            onChange={(e) => set('contactMade', e.target.checked)}
          />
          {t('contactMade')}
        </label>
      </div>
      {field(
        'durationMinutes',
        'durationMinutes',
        <input
          {...a11y('durationMinutes')}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          value={draft.durationMinutes}
          onChange={(e) => set('durationMinutes', e.target.value)}
        />,
      )}
      {field(
        'summary',
        'summary',
        <textarea
          {...a11y('summary')}
          rows={4}
          value={draft.summary}
          onChange={(e) => set('summary', e.target.value)}
        />,
      )}
      {field(
        'actionsAgreed',
        'actionsAgreed',
        <textarea
          {...a11y('actionsAgreed')}
          rows={2}
          value={draft.actionsAgreed}
          onChange={(e) => set('actionsAgreed', e.target.value)}
        />,
      )}
      {field(
        'nextFollowUpAt',
        'nextFollowUpAt',
        <input
          {...a11y('nextFollowUpAt', true)}
          type="datetime-local"
          value={draft.nextFollowUpAt}
          onChange={(e) => set('nextFollowUpAt', e.target.value)}
        />,
        'nextFollowUpHint',
      )}
      <p role="status" className="form-status">
        {retrying ? t('retrying') : message}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
    </form>
  );
}
