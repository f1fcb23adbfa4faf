import { FAMILY_COLUMNS } from '../case/family-row';
import { MEMBER_JSON } from '../members/member-row';
import { MISSING_PERSON_JSON } from '../missing-persons/missing-person-row';

/**
 * SQL fragments shared by the detail read, the list and the benchmark baseline, so both
 * sides of the benchmark run exactly the same statements.
 */
export const FAMILY_DETAIL_SELECT = `SELECT ${FAMILY_COLUMNS},
  COALESCE((SELECT json_agg(${MEMBER_JSON} ORDER BY m.created_at, m.id)
              FROM family_members m WHERE m.family_id = f.id), '[]') AS members,
  COALESCE((SELECT json_agg(${MISSING_PERSON_JSON} ORDER BY l.created_at, p.id)
              FROM family_missing_persons l JOIN missing_persons p ON p.id = l.missing_person_id
             WHERE l.family_id = f.id), '[]') AS "missingPersons"
  FROM families f`;

export const FAMILY_SUMMARY_SELECT = `SELECT ${FAMILY_COLUMNS},
  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt",
  (SELECT count(*)::int FROM family_members m WHERE m.family_id = f.id) AS "memberCount",
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'fullName', p.full_name, 'status', p.status)
                            ORDER BY l.created_at, p.id)
              FROM family_missing_persons l JOIN missing_persons p ON p.id = l.missing_person_id
             WHERE l.family_id = f.id), '[]') AS "missingPersons"
  FROM families f`;
