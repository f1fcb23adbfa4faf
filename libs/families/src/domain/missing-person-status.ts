export enum MissingPersonStatus {
  Missing = 'missing',
  RemainsRecovered = 'remains_recovered',
  IdentifiedDeceased = 'identified_deceased',
  FoundAlive = 'found_alive',
  Closed = 'closed',
}

/** domain.md § Status rules; `identified_deceased → missing` is a correction. */
export const MISSING_PERSON_TRANSITIONS: Readonly<
  Record<MissingPersonStatus, readonly MissingPersonStatus[]>
> = {
  [MissingPersonStatus.Missing]: [
    MissingPersonStatus.RemainsRecovered,
    MissingPersonStatus.FoundAlive,
    MissingPersonStatus.Closed,
  ],
  [MissingPersonStatus.RemainsRecovered]: [
    MissingPersonStatus.IdentifiedDeceased,
    MissingPersonStatus.Missing,
  ],
  [MissingPersonStatus.IdentifiedDeceased]: [MissingPersonStatus.Closed, MissingPersonStatus.Missing],
  [MissingPersonStatus.FoundAlive]: [MissingPersonStatus.Closed],
  [MissingPersonStatus.Closed]: [],
};

export function canMoveMissingPerson(from: MissingPersonStatus, to: MissingPersonStatus): boolean {
  return MISSING_PERSON_TRANSITIONS[from].includes(to);
}
