import type { ContactDto, CorrectionDto } from './dto/contact.dto';
import type { ContactCorrectionEntity, ContactEntity } from './entities';

export function toCorrectionDto(c: ContactCorrectionEntity): CorrectionDto {
  return {
    id: c.id,
    contactId: c.contactId,
    authorId: c.authorId,
    text: c.text,
    createdAt: c.createdAt.toISOString(),
  };
}

export function toContactDto(c: ContactEntity, corrections: ContactCorrectionEntity[] = []): ContactDto {
  return {
    id: c.id,
    familyId: c.familyId,
    authorId: c.authorId,
    kind: c.kind,
    occurredAt: c.occurredAt.toISOString(),
    contactMade: c.contactMade,
    durationMinutes: c.durationMinutes,
    participantIds: c.participantIds,
    summary: c.summary,
    needs: c.needs,
    actionsAgreed: c.actionsAgreed,
    nextFollowUpAt: c.nextFollowUpAt ? c.nextFollowUpAt.toISOString() : null,
    corrections: corrections.map(toCorrectionDto),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
