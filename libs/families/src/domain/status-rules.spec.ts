import { canMoveFamily, FamilyStatus, isSupervisorOnlyMove, takesWork } from './family-status';
import { canMoveMissingPerson, MissingPersonStatus as M } from './missing-person-status';

const F = FamilyStatus;

describe('family status rules', () => {
  const legal: Array<[FamilyStatus, FamilyStatus]> = [
    [F.Open, F.Active],
    [F.Open, F.OnHold],
    [F.Open, F.Closed],
    [F.Active, F.OnHold],
    [F.OnHold, F.Active],
    [F.Active, F.Closed],
    [F.OnHold, F.Closed],
    [F.Closed, F.Active],
  ];
  const all = Object.values(F).flatMap((from) =>
    Object.values(F).map((to) => [from, to] as [FamilyStatus, FamilyStatus]),
  );

  it.each(all)('should allow %s → %s exactly when domain.md lists it', (from, to) => {
    const expected = legal.some(([a, b]) => a === from && b === to);
    expect(canMoveFamily(from, to)).toBe(expected);
  });

  it('should reserve closing and reopening to supervisors', () => {
    expect(isSupervisorOnlyMove(F.Active, F.Closed)).toBe(true);
    expect(isSupervisorOnlyMove(F.Closed, F.Active)).toBe(true);
    expect(isSupervisorOnlyMove(F.Open, F.OnHold)).toBe(false);
    expect(isSupervisorOnlyMove(F.OnHold, F.Active)).toBe(false);
  });

  it('should plan new work for every family but a closed or missing one', () => {
    expect([F.Open, F.Active, F.OnHold, F.Closed, null].map(takesWork)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('missing person status rules', () => {
  const legal: Array<[M, M]> = [
    [M.Missing, M.RemainsRecovered],
    [M.Missing, M.FoundAlive],
    [M.Missing, M.Closed],
    [M.RemainsRecovered, M.IdentifiedDeceased],
    [M.RemainsRecovered, M.Missing],
    [M.IdentifiedDeceased, M.Closed],
    [M.IdentifiedDeceased, M.Missing],
    [M.FoundAlive, M.Closed],
  ];
  const all = Object.values(M).flatMap((from) => Object.values(M).map((to) => [from, to] as [M, M]));

  it.each(all)('should allow %s → %s exactly when domain.md lists it', (from, to) => {
    expect(canMoveMissingPerson(from, to)).toBe(legal.some(([a, b]) => a === from && b === to));
  });
});
