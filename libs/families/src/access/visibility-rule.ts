import { DiscoveryService } from '@nestjs/core';
import type { AuthUser } from '@accompany/auth';

/** How much of a family a grant shows. */
export enum FamilyView {
  /** Everything the family record holds. */
  Full = 'full',
  /**
   * The psychologist's view (docs/domain.md): reference, status, preferred language, the
   * members the grant names, the missing persons' names and statuses; no address, consent
   * or other members.
   */
  Reduced = 'reduced',
}

/**
 * Hands out parameter names, so rules never choose their own: two rules that both need "the
 * user's id" get two different names and cannot overwrite each other's value.
 */
export interface SqlParams {
  /** Stores the value and returns its placeholder (`:v0`, `:v1`, …) to put in the SQL. */
  add(value: unknown): string;
}

/** What one rule grants one user. */
export interface VisibilityGrant {
  /** SQL boolean over `families f`: the families this grant shows. */
  families: string;
  view: FamilyView;
  /**
   * For a reduced view: SQL boolean over `family_members m`, the members it shows (e.g. those
   * referred to this psychologist). Missing: no member. Ignored for a full view (all members).
   */
  members?: string;
}

/**
 * One reason a user may see a family. A lib that hangs off families contributes its rule by
 * declaring a provider with `@FamilyVisibilityRuleProvider()` in its own module, so families
 * never imports it. `grant` answers null when the rule gives this user nothing.
 */
export interface FamilyVisibilityRule {
  readonly name: string;
  grant(user: AuthUser, params: SqlParams): VisibilityGrant | null;
}

/** Marks a provider as a visibility rule; FamilyVisibility collects every one at start-up. */
export const FamilyVisibilityRuleProvider = DiscoveryService.createDecorator<void>();
