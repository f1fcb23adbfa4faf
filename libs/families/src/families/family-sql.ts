import type { FamilyScope } from '../access/family-scope';
import { FAMILY_COLUMNS } from '../case/family-row';
import { MEMBER_JSON } from '../members/member-row';
import { MISSING_PERSON_JSON } from '../missing-persons/missing-person-row';

/**
 * The detail and list reads. With a scope whose grants are all full (supervisors,
 * accompaniers) they are the constant statements below, which the benchmark baseline runs
 * too; a scope with reduced grants adds a `fullView` flag and shows only its members.
 */
function detailSelect(scope: FamilyScope | null): string {
  const memberFilter = scope?.members ? ` AND ${scope.members}` : '';
  const fullView = scope?.members ? `,\n  ${scope.full} AS "fullView"` : '';
  return `SELECT ${FAMILY_COLUMNS},
  COALESCE((SELECT json_agg(${MEMBER_JSON} ORDER BY m.created_at, m.id)
              FROM family_members m WHERE m.family_id = f.id${memberFilter}), '[]') AS members,
  COALESCE((SELECT json_agg(${MISSING_PERSON_JSON} ORDER BY l.created_at, p.id)
              FROM family_missing_persons l JOIN missing_persons p ON p.id = l.missing_person_id
             WHERE l.family_id = f.id), '[]') AS "missingPersons"${fullView}
  FROM families f`;
}

function summarySelect(scope: FamilyScope | null): string {
  const memberFilter = scope?.members ? ` AND ${scope.members}` : '';
  return `SELECT ${FAMILY_COLUMNS},
  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt",
  (SELECT count(*)::int FROM family_members m WHERE m.family_id = f.id${memberFilter}) AS "memberCount",
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'status', p.status)
                            ORDER BY l.created_at, p.id)
              FROM family_missing_persons l JOIN missing_persons p ON p.id = l.missing_person_id
             WHERE l.family_id = f.id), '[]') AS "missingPersons"
  FROM families f`;
}

export const FAMILY_DETAIL_SELECT = detailSelect(null);
const FAMILY_SUMMARY_SELECT = summarySelect(null);

export const familyDetailSelect = (scope: FamilyScope): string =>
  scope.members ? detailSelect(scope) : FAMILY_DETAIL_SELECT;

export const familySummarySelect = (scope: FamilyScope): string =>
  scope.members ? summarySelect(scope) : FAMILY_SUMMARY_SELECT;

/**
 * Name search over what the scope shows: members' names only where the member is visible,
 * missing persons' names (visible at every view). Never a field the caller cannot read.
 */
export function nameMatch(scope: FamilyScope, pattern: string): string {
  const memberFilter = scope.members ? ` AND ${scope.members}` : '';
  return `(EXISTS (SELECT 1 FROM family_members m WHERE m.family_id = f.id AND m.search_text LIKE ${pattern}${memberFilter})
        OR EXISTS (SELECT 1 FROM family_missing_persons l JOIN missing_persons p ON p.id = l.missing_person_id
                    WHERE l.family_id = f.id AND p.search_text LIKE ${pattern}))`;
}
