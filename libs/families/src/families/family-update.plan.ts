import { hasPermission, Permission, type AuthUser } from '@accompany/auth';
import { applyConsent } from '../domain/consent';
import { canMoveFamily, FamilyStatus, isSupervisorOnlyMove } from '../domain/family-status';
import type { UpdateFamilyDto } from '../dto/family.dto';
import {
  assignmentForbidden,
  closingForbidden,
  closureReasonWithoutClosing,
  illegalFamilyTransition,
} from '../families.errors';
import type { FamilyRow } from '../case/family-row';
import type { FamilyChanges } from './families.repository';

export interface FamilyUpdatePlan {
  changes: FamilyChanges;
  changedFields: string[];
  statusChange: { from: FamilyStatus; to: FamilyStatus } | null;
  reassignment: { from: string | null; to: string | null } | null;
}

/**
 * What a PATCH may change, decided without a database: role rules first (403), then the
 * status rules (422). Pure, so every branch is unit-tested.
 */
export function planFamilyUpdate(
  user: AuthUser,
  current: FamilyRow,
  dto: UpdateFamilyDto,
  now: Date,
): FamilyUpdatePlan {
  const changes: FamilyChanges = {};
  const changedFields: string[] = [];
  let statusChange: FamilyUpdatePlan['statusChange'] = null;
  let reassignment: FamilyUpdatePlan['reassignment'] = null;

  if (dto.assignedAccompanierId !== undefined && !hasPermission(user.role, Permission.FamilyAssign)) {
    throw assignmentForbidden();
  }
  const to = dto.status;
  const closing = to === FamilyStatus.Closed && current.status !== FamilyStatus.Closed;
  if (!closing && (dto.closureReason !== undefined || dto.closureNote !== undefined)) {
    throw closureReasonWithoutClosing();
  }
  if (to !== undefined && to !== current.status) {
    if (isSupervisorOnlyMove(current.status, to) && !hasPermission(user.role, Permission.FamilyClose)) {
      throw closingForbidden();
    }
    if (!canMoveFamily(current.status, to)) throw illegalFamilyTransition(current.status, to);
    statusChange = { from: current.status, to };
    changes.status = to;
    changedFields.push('status');
    if (to === FamilyStatus.Closed) {
      changes.closureReason = dto.closureReason ?? null;
      changes.closureNote = dto.closureNote ?? null;
      changes.closedAt = now;
      changedFields.push('closureReason', ...(dto.closureNote !== undefined ? ['closureNote'] : []));
    } else if (current.status === FamilyStatus.Closed) {
      Object.assign(changes, { closureReason: null, closureNote: null, closedAt: null });
    }
  }

  if (
    dto.assignedAccompanierId !== undefined &&
    dto.assignedAccompanierId !== current.assignedAccompanierId
  ) {
    changes.assignedAccompanierId = dto.assignedAccompanierId;
    changedFields.push('assignedAccompanierId');
    reassignment = { from: current.assignedAccompanierId, to: dto.assignedAccompanierId };
  }
  for (const field of ['address', 'preferredLanguage'] as const) {
    const value = dto[field];
    if (value !== undefined && value !== current[field]) {
      changes[field] = value;
      changedFields.push(field);
    }
  }
  const consent = applyConsent(current.consent, dto.consent, user.id, now);
  if (consent.changed.length > 0) {
    changes.consent = consent.next;
    changedFields.push(...consent.changed.map((purpose) => `consent.${purpose}`));
  }
  return { changes, changedFields, statusChange, reassignment };
}
