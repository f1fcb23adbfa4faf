import type { AuthUser } from '@accompany/auth';
import { ContactKind, type ContactsService, Need } from '@accompany/contacts';
import type { TransactionRunner } from '@accompany/persistence';

const DAY_MS = 24 * 3600 * 1000;

const SUMMARIES = [
  'Visited the mother at home; she keeps the documents of the search in order and asked about the DNA sample.',
  'Phone call: the family heard rumours about a new grave site and wants confirmed news only.',
  'The sister came to the office to update her phone number and asked for help with the pension file.',
  'Home visit: the father is unwell; talked about a doctor visit and about support for the youngest child.',
  'Group meeting of families from the same district; shared news from the commission.',
];
const NEEDS: Need[][] = [
  [Need.InformationOnMissing],
  [Need.Psychosocial, Need.InformationOnMissing],
  [Need.LegalAdministrative],
  [Need.Health, Need.Economic],
  [],
];
const KINDS = [ContactKind.HomeVisit, ContactKind.PhoneCall, ContactKind.OfficeVisit, ContactKind.HomeVisit];

/** How the i-th demo family's latest contact leaves its follow-up, so the inbox shows each case. */
type FollowUpPlan = 'overdue' | 'due_soon' | 'not_reached' | 'cadence';

function planOf(i: number): FollowUpPlan {
  return (['overdue', 'due_soon', 'not_reached', 'cadence'] as const)[i % 4]!;
}

/**
 * A few months of contacts by the family's accompanier, oldest first, through the API's own
 * service (so follow-up reminders are planned as in real use). The latest contact either
 * leaves a follow-up that was missed (answered with its past due date, see backdateFollowUp),
 * names one a few days ahead, or was an attempt that did not reach the family (a
 * retry is planned), or names no date (the team's cadence applies).
 */
export async function seedCaseHistory(
  contacts: ContactsService,
  accompanier: AuthUser,
  family: { id: string; memberIds: string[] },
  i: number,
  now: Date,
): Promise<Date | null> {
  const count = 1 + (i % 3);
  const plan = planOf(i);
  for (let n = 0; n < count; n += 1) {
    const latest = n === count - 1;
    const daysAgo = latest ? (plan === 'overdue' ? 40 : 6 + (i % 5)) : 90 - n * 25 - (i % 7);
    const occurredAt = new Date(now.getTime() - daysAgo * DAY_MS);
    const followUp =
      latest && plan === 'due_soon' ? new Date(now.getTime() + (2 + (i % 3)) * DAY_MS) : undefined;
    await contacts.record(accompanier, family.id, {
      kind: KINDS[(i + n) % KINDS.length]!,
      occurredAt: occurredAt.toISOString(),
      contactMade: !(latest && plan === 'not_reached'),
      durationMinutes: 20 + ((i + n) % 4) * 15,
      participantIds: family.memberIds.slice(0, 1),
      summary:
        latest && plan === 'not_reached'
          ? 'Called twice, nobody answered; will try again.'
          : SUMMARIES[(i + n) % SUMMARIES.length]!,
      needs: NEEDS[(i + n) % NEEDS.length]!,
      ...(followUp ? { nextFollowUpAt: followUp.toISOString() } : {}),
    });
  }
  // Overdue: half a few days late (due in the inbox), half past the escalation grace.
  return plan === 'overdue' ? new Date(now.getTime() - (i % 8 === 0 ? 12 : 2) * DAY_MS) : null;
}

/**
 * Demo only: the service plans a follow-up no earlier than now (the contact names no date), so
 * a follow-up missed days ago, as months of real use leave behind, is written here. The new
 * version makes the queued check stale; the worker's sweep queues the row as it now stands.
 */
export async function backdateFollowUp(tx: TransactionRunner, familyId: string, dueAt: Date): Promise<void> {
  await tx.query(
    `UPDATE reminders SET due_at = :dueAt, version = version + 1
      WHERE family_id = :familyId AND kind = 'follow_up_contact' AND status = 'scheduled'`,
    { familyId, dueAt },
  );
}
