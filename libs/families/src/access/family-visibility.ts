import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type AuthUser, Role } from '@accompany/auth';
import { NamedParams, scopeOf, type FamilyScope, type SqlPredicate } from './family-scope';
import {
  FamilyView,
  FamilyVisibilityRuleProvider,
  type FamilyVisibilityRule,
  type VisibilityGrant,
} from './visibility-rule';

/** Team members see the team's families whole; accompaniers only those assigned to them. */
const TEAM_RULE: FamilyVisibilityRule = {
  name: 'team',
  grant(user, params) {
    if (!user.teamId) return null;
    if (user.role === Role.Supervisor) {
      return { families: `f.team_id = ${params.add(user.teamId)}`, view: FamilyView.Full };
    }
    if (user.role === Role.Accompanier) {
      return {
        families: `(f.team_id = ${params.add(user.teamId)} AND f.assigned_accompanier_id = ${params.add(user.id)})`,
        view: FamilyView.Full,
      };
    }
    return null;
  },
};

/**
 * The single answer to "which families may this user see, and how much of each", as SQL that
 * lists, detail reads and search share: a hidden family is absent from lists and a 404 on its
 * own. The team rule is built in; other libs contribute theirs (see visibility-rule.ts).
 * Admins see none.
 */
@Injectable()
export class FamilyVisibility implements OnModuleInit {
  private readonly rules: FamilyVisibilityRule[] = [TEAM_RULE];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const provider of this.discovery.getProviders({ metadataKey: FamilyVisibilityRuleProvider.KEY })) {
      this.register(provider.instance as FamilyVisibilityRule);
    }
  }

  private register(rule: FamilyVisibilityRule): void {
    if (this.rules.some((r) => r.name === rule.name)) {
      throw new Error(`visibility rule ${rule.name} registered twice`);
    }
    this.rules.push(rule);
  }

  scope(user: AuthUser): FamilyScope {
    const params = new NamedParams();
    const grants = this.rules
      .map((rule) => rule.grant(user, params))
      .filter((grant): grant is VisibilityGrant => grant !== null);
    return scopeOf(grants, params);
  }

  /** The families visible at all, at any view. */
  predicate(user: AuthUser): SqlPredicate {
    const scope = this.scope(user);
    return { sql: scope.families, params: scope.params };
  }

  /** The families visible whole (for records a reduced view does not show, e.g. missing-person details). */
  fullPredicate(user: AuthUser): SqlPredicate {
    const scope = this.scope(user);
    return { sql: scope.full, params: scope.params };
  }
}
