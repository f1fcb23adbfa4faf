import { changesPlan, isEditable, isValidFollowUp } from './contact-rules';

const NOW = new Date('2026-04-01T12:00:00Z');
const at = (offsetMs: number): Date => new Date(NOW.getTime() + offsetMs);
const HOUR = 3_600_000;

describe('contact rules', () => {
  it('should keep a contact editable for exactly 24 hours', () => {
    expect(isEditable(at(-24 * HOUR), NOW)).toBe(true);
    expect(isEditable(at(-24 * HOUR - 1), NOW)).toBe(false);
  });

  it('should want the next follow-up after the contact and within a year', () => {
    expect(isValidFollowUp(NOW, at(1))).toBe(true);
    expect(isValidFollowUp(NOW, NOW)).toBe(false);
    expect(isValidFollowUp(NOW, at(366 * 24 * HOUR))).toBe(false);
    expect(isValidFollowUp(NOW, at(365 * 24 * HOUR))).toBe(true);
    expect(isValidFollowUp(NOW, at(365 * 24 * HOUR + 1))).toBe(false);
    expect(isValidFollowUp(NOW, at(-1))).toBe(false);
  });

  it('should plan again on a change of contactMade, or of occurredAt when the cadence counts from it', () => {
    const made = { contactMade: true, nextFollowUpAt: null };
    const dated = { contactMade: true, nextFollowUpAt: new Date('2026-12-01T00:00:00Z') };
    const attempt = { contactMade: false, nextFollowUpAt: null };
    const when = { occurredAt: new Date('2026-11-20T00:00:00Z') };
    expect(changesPlan({ contactMade: false }, attempt)).toBe(true);
    expect(changesPlan({ contactMade: true }, dated)).toBe(true);
    expect(changesPlan(when, made)).toBe(true);
    expect(changesPlan(when, dated)).toBe(false);
    expect(changesPlan(when, attempt)).toBe(false);
    expect(changesPlan({}, made)).toBe(false);
  });
});
