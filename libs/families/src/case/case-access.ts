import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@accompany/auth';
import { FamilyVisibility } from '../access/family-visibility';
import { familyNotFound } from '../families.errors';
import { CaseRepository } from './case.repository';
import type { FamilyRow } from './family-row';

/**
 * "May this user work on this family?" answered once: the family row, or 404 as if it did not
 * exist. Working on a family's records (members, missing persons, contacts, updates) needs the
 * whole family in view; a reduced grant shows only what the family read itself returns.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly cases: CaseRepository,
    private readonly visibility: FamilyVisibility,
  ) {}

  /** The family when the user may see it, else null (the caller picks its own 404). */
  findVisible(user: AuthUser, familyId: string): Promise<FamilyRow | null> {
    return this.cases.findVisible(familyId, this.visibility.fullPredicate(user));
  }

  async requireVisible(user: AuthUser, familyId: string): Promise<FamilyRow> {
    const family = await this.findVisible(user, familyId);
    if (!family) throw familyNotFound();
    return family;
  }
}
