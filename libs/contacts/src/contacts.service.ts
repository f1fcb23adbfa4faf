import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditAction, AuditService } from '@accompany/audit';
import { auditActorOf, type AuthUser } from '@accompany/auth';
import { FamiliesService, FamilyStatus } from '@accompany/families';
import { TransactionRunner } from '@accompany/persistence';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  NotFoundError,
  PreconditionFailedError,
  toPage,
  type Page,
  type PageQueryDto,
} from '@accompany/shared';
import { isEditable, isInFuture, isValidFollowUp } from './contact-rules';
import { toContactDto, toCorrectionDto } from './contact.mapper';
import {
  contactNotFound,
  editWindowClosed,
  familyClosed,
  followUpNotAfterContact,
  notTheAuthor,
  occurredInFuture,
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
    private readonly events: EventEmitter2,
  ) {}

  async record(user: AuthUser, familyId: string, dto: CreateContactDto): Promise<ContactDto> {
    const family = await this.families.requireVisible(user, familyId);
    if (family.status === FamilyStatus.Closed) throw familyClosed();
    const now = new Date();
    const occurredAt = new Date(dto.occurredAt);
    const nextFollowUpAt = dto.nextFollowUpAt ? new Date(dto.nextFollowUpAt) : null;
    if (isInFuture(occurredAt, now)) throw occurredInFuture();
    if (nextFollowUpAt && !isValidFollowUp(occurredAt, nextFollowUpAt)) throw followUpNotAfterContact();
    await this.requireParticipants(familyId, dto.participantIds ?? []);
    return this.tx.run(async () => {
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
    const { contact, teamId, familyOpen } = await this.requireOwn(user, id);
    if (!isEditable(contact.createdAt, new Date())) throw editWindowClosed();
    if (dto.occurredAt && isInFuture(new Date(dto.occurredAt), new Date())) throw occurredInFuture();
    if (dto.participantIds) await this.requireParticipants(contact.familyId, dto.participantIds);
    const changes: ContactChanges = {};
    const changedFields: string[] = [];
    for (const [field, value] of Object.entries(dto) as Array<[keyof UpdateContactDto, unknown]>) {
      if (value === undefined) continue;
      const next = field === 'occurredAt' ? new Date(value as string) : value;
      if (JSON.stringify(next) === JSON.stringify(contact[field])) continue;
      (changes as Record<string, unknown>)[field] = next;
      changedFields.push(field);
    }
    if (expectedVersion !== undefined && expectedVersion !== contact.version) {
      throw new PreconditionFailedError();
    }
    if (changedFields.length === 0) return toContactDto(contact, await this.contacts.corrections([id]));
    return this.tx.run(async () => {
      const updated = await this.contacts.update(id, expectedVersion ?? contact.version, changes);
      if (!updated) throw new PreconditionFailedError();
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.ContactUpdated,
        entityType: 'contact',
        entityId: id,
        familyId: contact.familyId,
        teamId,
        changedFields,
      });
      // Made or not, and when, decide the next follow-up: the family's latest contact plans again.
      const replans = 'contactMade' in changes || 'occurredAt' in changes;
      if (replans && familyOpen && (await this.contacts.isLatestRecorded(updated))) {
        const event: ContactRecordedEvent = {
          contactId: id,
          familyId: updated.familyId,
          teamId,
          authorId: updated.authorId,
          contactMade: updated.contactMade,
          occurredAt: updated.occurredAt,
          nextFollowUpAt: updated.nextFollowUpAt,
        };
        await this.events.emitAsync(ContactEvents.Replanned, event);
      }
      return toContactDto(updated, await this.contacts.corrections([id]));
    });
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

  /** Visible (404 otherwise) and written by the caller (403 otherwise). */
  private async requireOwn(
    user: AuthUser,
    id: string,
  ): Promise<{ contact: ContactEntity; teamId: string; familyOpen: boolean }> {
    const contact = await this.contacts.findById(id);
    if (!contact) throw contactNotFound();
    const family = await this.families.requireVisible(user, contact.familyId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!family) throw contactNotFound();
    if (contact.authorId !== user.id) throw notTheAuthor();
    return { contact, teamId: family.teamId, familyOpen: family.status !== FamilyStatus.Closed };
  }

  private async requireParticipants(familyId: string, participantIds: string[]): Promise<void> {
    if (participantIds.length === 0) return;
    const members = new Set(await this.families.memberIds(familyId));
    const stranger = participantIds.findIndex((id) => !members.has(id));
    if (stranger >= 0) throw participantNotInFamily(stranger);
  }
}
