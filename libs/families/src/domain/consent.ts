export const CONSENT_PURPOSES = ['dataProcessing', 'sharingWithAuthorities', 'psychosocialSupport'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

interface ConsentRecord {
  given: boolean;
  recordedAt: string;
  recordedBy: string;
}

export type ConsentState = Partial<Record<ConsentPurpose, ConsentRecord>>;
export type ConsentInput = Partial<Record<ConsentPurpose, boolean>>;

/**
 * Applies booleans to the stored consent: a purpose whose answer changes (or is first
 * given) records who and when; an unchanged answer keeps its original record.
 */
export function applyConsent(
  current: ConsentState,
  input: ConsentInput | undefined,
  actorId: string,
  now: Date,
): { next: ConsentState; changed: ConsentPurpose[] } {
  const next: ConsentState = { ...current };
  const changed: ConsentPurpose[] = [];
  for (const purpose of CONSENT_PURPOSES) {
    const given = input?.[purpose];
    if (given === undefined || current[purpose]?.given === given) continue;
    next[purpose] = { given, recordedAt: now.toISOString(), recordedBy: actorId };
    changed.push(purpose);
  }
  return { next, changed };
}
