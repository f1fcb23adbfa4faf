import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { AuditAction, AuditService } from '@accompany/audit';
import { UserEvents, type UserLeftTeamEvent } from '@accompany/auth';
import { takesWork } from '../domain/family-status';
import { FamilyEvents, type FamilyReleasedEvent } from '../families.events';
import { FamiliesRepository } from './families.repository';

/**
 * An accompanier who leaves their team (moved, deactivated, given another role) no longer
 * holds its families: left assigned, nobody in either team would see them as anyone's. They
 * are unassigned in the transaction of the change, each audited as the admin's doing, and
 * every family still taking work is announced, so the supervisors are told to reassign it.
 */
@Injectable()
export class AssignmentsReleaseListener {
  constructor(
    private readonly families: FamiliesRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  @OnEvent(UserEvents.LeftTeam, { suppressErrors: false })
  async onUserLeftTeam(event: UserLeftTeamEvent): Promise<void> {
    const released = await this.families.releaseAssignments(event.teamId, event.userId);
    for (const family of released) {
      await this.audit.record(event.actor, {
        action: AuditAction.FamilyUpdated,
        entityType: 'family',
        entityId: family.id,
        familyId: family.id,
        teamId: event.teamId,
        changedFields: ['assignedAccompanierId'],
      });
      if (!takesWork(family.status)) continue;
      const announcement: FamilyReleasedEvent = {
        familyId: family.id,
        teamId: event.teamId,
        fromAccompanierId: event.userId,
        actorId: event.actor.userId,
      };
      await this.events.emitAsync(FamilyEvents.Released, announcement);
    }
  }
}
