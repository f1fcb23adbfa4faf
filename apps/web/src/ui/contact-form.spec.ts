import { contactBody, validateContact, type ContactDraft } from './contact-form';

const NOW = new Date('2026-12-04T12:00:00Z');
const draft = (change: Partial<ContactDraft> = {}): ContactDraft => ({
  kind: 'home_visit',
  occurredAt: '2026-12-04T10:00:00Z',
  contactMade: true,
  durationMinutes: '',
  summary: 'Talked about the search.',
  actionsAgreed: '',
  nextFollowUpAt: '',
  ...change,
});

describe('validateContact', () => {
  it('should accept a complete draft', () => {
    expect(validateContact(draft(), NOW)).toEqual({});
  });

  it('should ask for kind, time and summary', () => {
    expect(validateContact(draft({ kind: '', occurredAt: '', summary: '  ' }), NOW)).toEqual({
      kind: 'required',
      occurredAt: 'required',
      summary: 'required',
    });
  });

  it('should refuse a contact in the future and a follow-up not after it or beyond a year', () => {
    expect(validateContact(draft({ occurredAt: '2026-12-05T10:00:00Z' }), NOW).occurredAt).toBe('inFuture');
    expect(validateContact(draft({ nextFollowUpAt: '2026-12-04T09:00:00Z' }), NOW).nextFollowUpAt).toBe(
      'followUpAfter',
    );
    expect(validateContact(draft({ nextFollowUpAt: '2028-01-01T09:00:00Z' }), NOW).nextFollowUpAt).toBe(
      'followUpAfter',
    );
    expect(validateContact(draft({ nextFollowUpAt: '2026-12-20T09:00:00Z' }), NOW)).toEqual({});
  });

  it('should take only a whole duration from 0 to 1440 minutes', () => {
    expect(validateContact(draft({ durationMinutes: '1441' }), NOW).durationMinutes).toBe('durationRange');
    expect(validateContact(draft({ durationMinutes: '2.5' }), NOW).durationMinutes).toBe('durationRange');
    expect(validateContact(draft({ durationMinutes: '45' }), NOW)).toEqual({});
  });
});

describe('contactBody', () => {
  it('should send instants and leave empty optional fields out', () => {
    expect(contactBody(draft({ durationMinutes: '30' }))).toEqual({
      kind: 'home_visit',
      occurredAt: '2026-12-04T10:00:00.000Z',
      contactMade: true,
      summary: 'Talked about the search.',
      durationMinutes: 30,
    });
  });
});
