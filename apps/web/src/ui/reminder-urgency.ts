/** How a reminder is flagged in the inbox: due or escalated and past its time is overdue. */
export type Urgency = 'overdue' | 'due' | 'scheduled';

const DAY_MS = 24 * 60 * 60 * 1000;

export function urgencyOf(reminder: { status: string; dueAt: string }, now: Date): Urgency {
  const due = new Date(reminder.dueAt).getTime();
  if (reminder.status === 'escalated' || (reminder.status === 'due' && now.getTime() - due > DAY_MS)) {
    return 'overdue';
  }
  if (reminder.status === 'due' || due <= now.getTime()) return 'due';
  return 'scheduled';
}
