/**
 * SQL fragments shared by the detail read, the list and the benchmark baseline, so both
 * sides of the benchmark run exactly the same statements.
 */
export const FAMILY_COLUMNS = `f.id, f.reference, f.team_id AS "teamId", f.assigned_accompanier_id AS "assignedAccompanierId",
  f.status, f.closure_reason AS "closureReason", f.closure_note AS "closureNote", f.closed_at AS "closedAt",
  f.preferred_language AS "preferredLanguage", f.address, f.consent, f.version, f.created_by AS "createdBy",
  f.created_at AS "createdAt", f.updated_at AS "updatedAt"`;

export const MEMBER_JSON = `json_build_object('id', m.id, 'familyId', m.family_id, 'fullName', m.full_name,
  'otherNames', m.other_names, 'sex', m.sex, 'birthDate', m.birth_date, 'birthYear', m.birth_year,
  'relationship', m.relationship, 'isContactPerson', m.is_contact_person, 'phone', m.phone, 'version', m.version,
  'createdAt', m.created_at, 'updatedAt', m.updated_at)`;

export const MISSING_PERSON_JSON = `json_build_object('id', p.id, 'fullName', p.full_name, 'otherNames', p.other_names,
  'sex', p.sex, 'birthDate', p.birth_date, 'disappearedOn', p.disappeared_on,
  'disappearancePlace', p.disappearance_place, 'circumstances', p.circumstances,
  'externalReferences', p.external_references, 'status', p.status, 'version', p.version,
  'createdAt', p.created_at, 'updatedAt', p.updated_at)`;

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
