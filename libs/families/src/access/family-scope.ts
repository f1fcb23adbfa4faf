import { FamilyView, type SqlParams, type VisibilityGrant } from './visibility-rule';

/** A SQL boolean with its named parameters. */
export interface SqlPredicate {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Everything one user may see of families, as SQL sharing one set of parameters: which
 * families, which of them whole, which members of the others. Lists, detail reads and
 * name search all read from it, so they can never disagree.
 */
export interface FamilyScope {
  /** Families visible at all (`f`). */
  families: string;
  /** Families visible whole (`f`); the same as `families` when every grant is full. */
  full: string;
  /** Members visible (`m` with its family `f`); null when every grant is full, so all members are. */
  members: string | null;
  params: Record<string, unknown>;
}

/** Collision-free placeholders: each value gets the next `:v<n>`. */
export class NamedParams implements SqlParams {
  readonly values: Record<string, unknown> = {};
  private next = 0;

  add(value: unknown): string {
    const name = `v${this.next++}`;
    this.values[name] = value;
    return `:${name}`;
  }
}

const anyOf = (parts: string[]): string => (parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`);

/** Merges the grants of every rule: a family is seen at the widest view any grant gives. */
export function scopeOf(grants: VisibilityGrant[], params: NamedParams): FamilyScope {
  const full = grants.filter((g) => g.view === FamilyView.Full).map((g) => g.families);
  const reduced = grants.filter((g) => g.view === FamilyView.Reduced);
  return {
    families: anyOf(grants.map((g) => g.families)),
    full: anyOf(full),
    members:
      reduced.length === 0
        ? null
        : anyOf([
            ...full,
            ...reduced.filter((g) => g.members).map((g) => `(${g.families} AND ${g.members})`),
          ]),
    params: params.values,
  };
}
