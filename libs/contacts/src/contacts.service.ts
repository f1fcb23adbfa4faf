import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditAction, AuditService, diffFields, VersionedWriter } from '@accompany/audit';
import { auditActorOf, type AuthUser } from '@accompany/auth';
import { FamiliesService, FamilyStatus, takesWork } from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  toPage,
  type Page,
  type PageQueryDto,
} from '@accompany/shared';
import { changesPlan, isEditable, isValidFollowUp } from './contact-rules';
import { toContactDto, toCorrectionDto } from './contact.mapper';
import {
  contactNotFound,
  editWindowClosed,
  familyClosed,
  followUpNotAfterContact,
  notTheAuthor,
  participantNotInFamily,
} from './contacts.errors';
import { ContactEvents, type ContactRecordedEvent } from './contacts.events';
import { ContactsRepository, type ContactChanges } from './contacts.repository';
import type {
  ContactDto,
  CorrectionDto,
  CreateContactDto,
  CreateCorrectionDto,
  UpdateContactDto,
} from './dto/contact.dto';
import type { ContactEntity } from './entities';

/** Contacts hang off families: visible exactly when the family is (asked of the families lib). */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly families: FamiliesService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly versioned: VersionedWriter,
    private readonly events: EventEmitter2,
  ) {}

  async record(user: AuthUser, familyId: string, dto: CreateContactDto): Promise<ContactDto> {
    const family = await this.families.requireVisible(user, familyId);
    if (family.status === FamilyStatus.Closed) throw familyClosed();
    // When it happened is bounded by the DTO (HappenedAt): not in the future, not before the floor.
    const occurredAt = new Date(dto.occurredAt);
    const nextFollowUpAt = dto.nextFollowUpAt ? new Date(dto.nextFollowUpAt) : null;
    if (nextFollowUpAt && !isValidFollowUp(occurredAt, nextFollowUpAt)) throw followUpNotAfterContact();
    await this.requireParticipants(familyId, dto.participantIds ?? []);
    return this.tx.run(async () => {
      // Contacts of one family are recorded one at a time, so each sees the others when it
      // asks whether it is the latest; a family closed meanwhile takes no contact.
      if (!takesWork(await this.families.lockForWork(familyId))) throw familyClosed();
      const contact = await this.contacts.insert({
        familyId,
        authorId: user.id,
        kind: dto.kind,
        occurredAt,
        contactMade: dto.contactMade ?? true,
        durationMinutes: dto.durationMinutes ?? null,
        participantIds: dto.participantIds ?? [],
        summary: dto.summary,
        needs: dto.needs ?? [],
        actionsAgreed: dto.actionsAgreed ?? null,
        nextFollowUpAt,
      });
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.ContactCreated,
        entityType: 'contact',
        entityId: contact.id,
        familyId,
        teamId: family.teamId,
        changedFields: Object.keys(dto),
      });
      const event: ContactRecordedEvent = {
        contactId: contact.id,
        familyId,
        teamId: family.teamId,
        authorId: user.id,
        contactMade: contact.contactMade,
        occurredAt,
        nextFollowUpAt,
        latest: await this.contacts.isLatest(contact),
      };
      await this.events.emitAsync(ContactEvents.Recorded, event);
      return toContactDto(contact);
    });
  }

  async list(user: AuthUser, familyId: string, query: PageQueryDto): Promise<Page<ContactDto>> {
    await this.families.requireVisible(user, familyId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, ['timestamp', 'uuid']) : undefined;
    const rows = await this.contacts.findPage(
      familyId,
      limit,
      after ? { occurredAt: after[0]!, id: after[1]! } : undefined,
    );
    const corrections = await this.contacts.corrections(rows.slice(0, limit).map((c) => c.id));
    return toPage(
      rows,
      limit,
      (c) => [c.occurredAt.toISOString(), c.id],
      (c) =>
        toContactDto(
          c,
          corrections.filter((k) => k.contactId === c.id),
        ),
    );
  }

  /** The author edits within 24 h of recording; others 403; later 422. */
  async update(
    user: AuthUser,
    id: string,
    dto: UpdateContactDto,
    expectedVersion?: number,
  ): Promise<ContactDto> {
    const { contact, teamId } = await this.requireOwn(user, id);
    if (!isEditable(contact.createdAt, new Date())) throw editWindowClosed();
    if (dto.occurredAt) {
      const occurredAt = new Date(dto.occurredAt);
      if (contact.nextFollowUpAt && !isValidFollowUp(occurredAt, contact.nextFollowUpAt)) {
        throw followUpNotAfterContact('occurredAt');
      }
    }
    if (dto.participantIds) await this.requireParticipants(contact.familyId, dto.participantIds);
    const { changes, changedFields } = diffFields<ContactChanges>(contact, {
      ...dto,
      occurredAt: dto.occurredAt === undefined ? undefined : new Date(dto.occurredAt),
    });
    const updated = await this.versioned.write({
      actor: auditActorOf(user),
      currentVersion: contact.version,
      expectedVersion,
      changedFields,
      update: (version) => this.contacts.update(id, version, changes),
      audit: (fields) => ({
        action: AuditAction.ContactUpdated,
        entityType: 'contact',
        entityId: id,
        familyId: contact.familyId,
        teamId,
        changedFields: fields,
      }),
      afterUpdate: async (row) => {
        if (changesPlan(changes, row)) await this.replan(row, teamId);
      },
    });
    return toContactDto(updated ?? contact, await this.contacts.corrections([id]));
  }

  /**
   * The family's latest contact (by when it happened, as corrected) plans its next follow-up
   * again from the corrected facts; an older one is history and plans nothing. Under the
   * family lock: a contact recorded concurrently either committed first (then this one may
   * no longer be the latest) or plans after this (on top of it).
   */
  private async replan(contact: ContactEntity, teamId: string): Promise<void> {
    if (!takesWork(await this.families.lockForWork(contact.familyId))) return;
    if (!(await this.contacts.isLatest(contact))) return;
    const event: ContactRecordedEvent = {
      contactId: contact.id,
      familyId: contact.familyId,
      teamId,
      authorId: contact.authorId,
      contactMade: contact.contactMade,
      occurredAt: contact.occurredAt,
      nextFollowUpAt: contact.nextFollowUpAt,
      latest: true,
    };
    await this.events.emitAsync(ContactEvents.Replanned, event);
  }

  async correct(user: AuthUser, id: string, dto: CreateCorrectionDto): Promise<CorrectionDto> {
    const { contact, teamId } = await this.requireOwn(user, id);
    return this.tx.run(async () => {
      const correction = await this.contacts.insertCorrection({
        contactId: id,
        authorId: user.id,
        text: dto.text,
      });
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.ContactCorrected,
        entityType: 'contact',
        entityId: id,
        familyId: contact.familyId,
        teamId,
        changedFields: ['corrections'],
      });
      return toCorrectionDto(correction);
    });
  }

  /**
   * The author's own record: they keep it while they are in the family's team (an active
   * user, or they would have no session), for its edit window even once the family went to
   * a colleague, and afterwards (corrections) while they still see the family. Leaving the
   * team ends it. Others who see the family get 403; everyone else 404, as if it did not exist.
   */
  private async requireOwn(user: AuthUser, id: string): Promise<{ contact: ContactEntity; teamId: string }> {
    const contact = await this.contacts.findById(id);
    if (!contact) throw contactNotFound();
    const isAuthor = contact.authorId === user.id;
    const teamId = await this.families.teamOf(contact.familyId);
    if (teamId === null) throw contactNotFound();
    if (isAuthor && teamId === user.teamId && isEditable(contact.createdAt, new Date())) {
      return { contact, teamId };
    }
    const family = await this.families.requireVisible(user, contact.familyId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!family) throw contactNotFound();
    if (!isAuthor) throw notTheAuthor();
    return { contact, teamId };
  }

  private async requireParticipants(familyId: string, participantIds: string[]): Promise<void> {
    if (participantIds.length === 0) return;
    const members = new Set(await this.families.memberIds(familyId));
    const stranger = participantIds.findIndex((id) => !members.has(id));
    if (stranger >= 0) throw participantNotInFamily(stranger);
  }
}
