import { Role, type AuthUser } from '@accompany/auth';
import { ClosureReason, FamilyStatus } from '../domain/family-status';
import type { FamilyRow } from '../case/family-row';
import { planFamilyUpdate } from './family-update.plan';

const NOW = new Date('2026-06-01T10:00:00Z');
const user = (role: Role): AuthUser => ({
  id: 'u-1',
  sessionId: 's',
  email: 'x@y.z',
  fullName: 'X',
  role,
  teamId: 't-1',
  requestId: 'r',
  ip: '127.0.0.1',
});
const family = (overrides: Partial<FamilyRow> = {}): FamilyRow => ({
  id: 'f-1',
  reference: 'FAM-2026-000001',
  teamId: 't-1',
  assignedAccompanierId: 'u-1',
  status: FamilyStatus.Open,
  closureReason: null,
  closureNote: null,
  closedAt: null,
  preferredLanguage: 'az',
  address: 'Barda',
  consent: {},
  version: 3,
  createdBy: 'u-1',
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
});

describe(planFamilyUpdate.name, () => {
  it('should let an accompanier move between open, active and on hold', () => {
    const plan = planFamilyUpdate(user(Role.Accompanier), family(), { status: FamilyStatus.Active }, NOW);
    expect(plan.statusChange).toEqual({ from: FamilyStatus.Open, to: FamilyStatus.Active });
    expect(plan.changedFields).toEqual(['status']);
  });

  it('should refuse closing, reopening and assigning to an accompanier (403)', () => {
    const accompanier = user(Role.Accompanier);
    const close = { status: FamilyStatus.Closed, closureReason: ClosureReason.Other };
    expect(() => planFamilyUpdate(accompanier, family(), close, NOW)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
    expect(() =>
      planFamilyUpdate(
        accompanier,
        family({ status: FamilyStatus.Closed, closureReason: ClosureReason.Other }),
        { status: FamilyStatus.Active },
        NOW,
      ),
    ).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => planFamilyUpdate(accompanier, family(), { assignedAccompanierId: 'u-2' }, NOW)).toThrow(
      expect.objectContaining({ code: 'ASSIGNMENT_FORBIDDEN' }),
    );
  });

  it('should refuse an illegal move with 422', () => {
    const closed = family({ status: FamilyStatus.Closed, closureReason: ClosureReason.Other });
    expect(() =>
      planFamilyUpdate(user(Role.Supervisor), closed, { status: FamilyStatus.OnHold }, NOW),
    ).toThrow(expect.objectContaining({ kind: 'unprocessable', code: 'ILLEGAL_STATUS_TRANSITION' }));
  });

  it('should close with reason and note, and reopen clearing them', () => {
    const supervisor = user(Role.Supervisor);
    const close = planFamilyUpdate(
      supervisor,
      family({ status: FamilyStatus.Active }),
      {
        status: FamilyStatus.Closed,
        closureReason: ClosureReason.FoundAlive,
        closureNote: 'met at the border',
      },
      NOW,
    );
    expect(close.changes).toMatchObject({
      closureReason: 'found_alive',
      closureNote: 'met at the border',
      closedAt: NOW,
    });
    expect(close.changedFields).toEqual(['status', 'closureReason', 'closureNote']);
    const reopen = planFamilyUpdate(
      supervisor,
      family({ status: FamilyStatus.Closed, closureReason: ClosureReason.Other }),
      { status: FamilyStatus.Active },
      NOW,
    );
    expect(reopen.changes).toMatchObject({
      status: 'active',
      closureReason: null,
      closureNote: null,
      closedAt: null,
    });
  });

  it('should refuse a closure reason without closing', () => {
    expect(() =>
      planFamilyUpdate(user(Role.Supervisor), family(), { closureReason: ClosureReason.Other }, NOW),
    ).toThrow(expect.objectContaining({ code: 'CLOSURE_REASON_WITHOUT_CLOSING' }));
  });

  it('should report reassignment and only the fields that change', () => {
    const plan = planFamilyUpdate(
      user(Role.Supervisor),
      family(),
      {
        assignedAccompanierId: 'u-2',
        address: 'Barda',
        preferredLanguage: 'ru',
        consent: { dataProcessing: true },
      },
      NOW,
    );
    expect(plan.reassignment).toEqual({ from: 'u-1', to: 'u-2' });
    expect(plan.changedFields).toEqual([
      'assignedAccompanierId',
      'preferredLanguage',
      'consent.dataProcessing',
    ]);
    expect(plan.statusChange).toBeNull();
  });

  it('should treat the current status as no change', () => {
    expect(
      planFamilyUpdate(user(Role.Accompanier), family(), { status: FamilyStatus.Open }, NOW).changedFields,
    ).toEqual([]);
  });
});
