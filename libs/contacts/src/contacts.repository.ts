import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner, updateVersioned } from '@accompany/persistence';
import { ContactCorrectionEntity, ContactEntity } from './entities';

export type NewContact = Omit<
  ContactEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'family' | 'author'
>;
export type ContactChanges = Partial<Omit<NewContact, 'familyId' | 'authorId' | 'nextFollowUpAt'>>;

@Injectable()
export class ContactsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get contacts() {
    return this.tx.manager().getRepository(ContactEntity);
  }

  async insert(contact: NewContact): Promise<ContactEntity> {
    const result = await this.contacts
      .createQueryBuilder()
      .insert()
      .values(contact)
      .returning(['id'])
      .execute();
    return this.contacts.findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
  }

  findById(id: string): Promise<ContactEntity | null> {
    return this.contacts.findOneBy({ id });
  }

  async update(id: string, expectedVersion: number, changes: ContactChanges): Promise<ContactEntity | null> {
    const updated = await updateVersioned(this.tx.manager(), ContactEntity, id, expectedVersion, changes);
    return updated ? this.findById(id) : null;
  }

  /**
   * Whether no other contact of the family happened after this one (of two at the same
   * instant, the one recorded later is the latest): the latest contact plans the family's
   * follow-up; an older one, entered late from paper, is history. Ask under the family lock.
   */
  async isLatest(contact: Pick<ContactEntity, 'id' | 'familyId'>): Promise<boolean> {
    // Compared in SQL: created_at has microseconds, a JavaScript Date only milliseconds.
    const later = await this.contacts
      .createQueryBuilder('c')
      .where('c.family_id = :familyId AND c.id <> :id', { familyId: contact.familyId, id: contact.id })
      .andWhere(
        '(c.occurred_at, c.created_at) > (SELECT occurred_at, created_at FROM contacts WHERE id = :id)',
        { id: contact.id },
      )
      .getExists();
    return !later;
  }

  /** Newest first, keyset on (occurred_at, id). */
  findPage(
    familyId: string,
    limit: number,
    after?: { occurredAt: string; id: string },
  ): Promise<ContactEntity[]> {
    const query = this.contacts
      .createQueryBuilder('c')
      .where('c.family_id = :familyId', { familyId })
      .orderBy('c.occurred_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      query.andWhere('(c.occurred_at, c.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', {
        at: after.occurredAt,
        id: after.id,
      });
    }
    return query.getMany();
  }

  async insertCorrection(
    correction: Pick<ContactCorrectionEntity, 'contactId' | 'authorId' | 'text'>,
  ): Promise<ContactCorrectionEntity> {
    const result = await this.tx
      .manager()
      .createQueryBuilder()
      .insert()
      .into(ContactCorrectionEntity)
      .values(correction)
      .returning(['id'])
      .execute();
    return this.tx
      .manager()
      .getRepository(ContactCorrectionEntity)
      .findOneByOrFail({ id: (result.identifiers[0] as { id: string }).id });
  }

  corrections(contactIds: string[]): Promise<ContactCorrectionEntity[]> {
    if (contactIds.length === 0) return Promise.resolve([]);
    return this.tx
      .manager()
      .getRepository(ContactCorrectionEntity)
      .find({ where: { contactId: In(contactIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
