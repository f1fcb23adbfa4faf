import { urgencyOf } from './reminder-urgency';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('urgencyOf', () => {
  it('should call a reminder due today "due"', () => {
    expect(urgencyOf({ status: 'due', dueAt: '2026-12-04T08:00:00Z' }, NOW)).toBe('due');
  });

  it('should call a reminder due more than a day ago, or escalated, "overdue"', () => {
    expect(urgencyOf({ status: 'due', dueAt: '2026-12-02T08:00:00Z' }, NOW)).toBe('overdue');
    expect(urgencyOf({ status: 'escalated', dueAt: '2026-12-04T11:00:00Z' }, NOW)).toBe('overdue');
  });

  it('should call a future reminder "scheduled"', () => {
    expect(urgencyOf({ status: 'scheduled', dueAt: '2026-12-10T08:00:00Z' }, NOW)).toBe('scheduled');
  });
});
