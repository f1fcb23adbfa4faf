import { Injectable } from '@nestjs/common';
import { type AuthUser, Role } from '@accompany/auth';

/** A SQL boolean over the families table aliased `f`, with its named parameters. */
export interface SqlPredicate {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * One reason a user may see a family. Libs that hang off families contribute rules
 * (psychosocial: "families with a referral addressed to me") by registering them here,
 * so families never imports them. A rule answers null when it grants nothing to this user.
 */
export interface FamilyVisibilityRule {
  readonly name: string;
  predicate(user: AuthUser): SqlPredicate | null;
}

/** Team members see the team's families; accompaniers only those assigned to them. */
const TEAM_RULE: FamilyVisibilityRule = {
  name: 'team',
  predicate(user) {
    if (!user.teamId) return null;
    if (user.role === Role.Supervisor) {
      return { sql: 'f.team_id = :vTeamId', params: { vTeamId: user.teamId } };
    }
    if (user.role === Role.Accompanier) {
      return {
        sql: '(f.team_id = :vTeamId AND f.assigned_accompanier_id = :vUserId)',
        params: { vTeamId: user.teamId, vUserId: user.id },
      };
    }
    return null;
  },
};

/**
 * The single answer to "which families may this user see", as SQL that lists and detail
 * reads share: a hidden family is absent from lists and a 404 on its own. Admins see none.
 */
@Injectable()
export class FamilyVisibility {
  private readonly rules: FamilyVisibilityRule[] = [TEAM_RULE];

  register(rule: FamilyVisibilityRule): void {
    if (this.rules.some((r) => r.name === rule.name)) {
      throw new Error(`visibility rule ${rule.name} registered twice`);
    }
    this.rules.push(rule);
  }

  predicate(user: AuthUser): SqlPredicate {
    const parts = this.rules.map((rule) => rule.predicate(user)).filter((p): p is SqlPredicate => p !== null);
    if (parts.length === 0) return { sql: 'FALSE', params: {} };
    return {
      sql: `(${parts.map((p) => p.sql).join(' OR ')})`,
      params: Object.assign({}, ...parts.map((p) => p.params)) as Record<string, unknown>,
    };
  }
}
