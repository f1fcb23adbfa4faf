import { familyBody, memberBody, missingPersonBody } from './family.factory';

/** Bad input for every DTO field of the families API, as tables the validation suite walks. */
/** Past "today" in every time zone (a date is today somewhere until UTC+14 leaves it). */
const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
export const long = (n: number) => 'x'.repeat(n);

/** A registration with two members and two missing persons, so every indexed path exists. */
export const fullBody = () =>
  familyBody({
    members: [memberBody({ phone: '+994 50 000 00 00' }), memberBody({ otherNames: ['Aysel'] })],
    missingPersons: [
      missingPersonBody(),
      missingPersonBody({ externalReferences: [{ authority: 'State Commission', number: 'SC-2' }] }),
    ],
  });

/** [path, bad value, field the 400 must name (defaults to the path)] for POST /families. */
export const REGISTRATION: Array<[string, unknown, string?]> = [
  ['assignedAccompanierId', 'nope'],
  ['address', 42],
  ['address', long(501)],
  ['preferredLanguage', 'English!'],
  ['consent', 'yes'],
  ['consent.dataProcessing', 'yes'],
  ['consent.sharingWithAuthorities', 1],
  ['consent.forever', true],
  ['members', 'Aysel'],
  ['members', Array.from({ length: 51 }, () => memberBody())],
  ['members[0].fullName', undefined],
  ['members[0].fullName', '   '],
  ['members[0].fullName', long(201)],
  ['members[1].otherNames', 'Aysel'],
  ['members[1].otherNames', ['ok', '']],
  ['members[0].sex', 'f'],
  ['members[0].birthDate', '1970-02-30'],
  ['members[0].birthDate', '02/01/1970'],
  ['members[0].birthYear', '1970'],
  ['members[1].relationship', undefined],
  ['members[1].relationship', 'cousin'],
  ['members[0].isContactPerson', 'yes'],
  ['members[0].phone', 'call me'],
  ['members[0].email', 'a@b.c'],
  ['missingPersons', 'Elçin'],
  ['missingPersons', Array.from({ length: 21 }, () => missingPersonBody())],
  ['missingPersons[1].fullName', ''],
  ['missingPersons[1].otherNames', [5]],
  ['missingPersons[0].sex', 'x'],
  ['missingPersons[0].birthDate', '1971-13-01'],
  ['missingPersons[0].disappearancePlace', long(501)],
  ['missingPersons[0].circumstances', 5],
  ['missingPersons[1].externalReferences', 'SC-1'],
  ['missingPersons[1].externalReferences[0].authority', undefined],
  ['missingPersons[1].externalReferences[0].number', ''],
  ['missingPersons[1].externalReferences[0].url', 'https://x'],
  ['missingPersons[0].status', 'found_alive'],
  ['teamId', '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b'],
  ['reference', 'FAM-2020-000001'],
  ['status', 'closed'],
];

/**
 * [path, value] of POST /families that is well formed but cannot be true (a date in the
 * future or before its floor): 422 `out_of_range` naming the path.
 */
export const OUT_OF_RANGE: Array<[string, unknown]> = [
  ['members[0].birthDate', dayAfterTomorrow],
  ['members[0].birthDate', '1899-12-31'],
  ['members[0].birthYear', 1899],
  ['members[1].birthYear', new Date().getUTCFullYear() + 2],
  ['missingPersons[0].birthDate', '1850-01-01'],
  ['missingPersons[1].disappearedOn', dayAfterTomorrow],
  ['missingPersons[1].disappearedOn', '1987-12-31'],
];

/** [endpoint kind, body, field] for the other DTOs. */
export const OTHERS: Array<[string, Record<string, unknown>, string]> = [
  ['family', { status: 'bogus' }, 'status'],
  ['family', { status: null }, 'status'],
  ['family', { status: 'closed', closureReason: 'bored' }, 'closureReason'],
  ['family', { status: 'closed', closureReason: 'other', closureNote: long(2001) }, 'closureNote'],
  ['family', { assignedAccompanierId: 'x' }, 'assignedAccompanierId'],
  ['family', { address: long(501) }, 'address'],
  ['family', { preferredLanguage: 'x y' }, 'preferredLanguage'],
  ['family', { consent: null }, 'consent'],
  ['family', { consent: { psychosocialSupport: 'no' } }, 'consent.psychosocialSupport'],
  ['family', { reference: 'FAM-2020-000001' }, 'reference'],
  ['family', { teamId: '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b' }, 'teamId'],
  ['family', { members: [] }, 'members'],
  ['addMember', { relationship: 'mother' }, 'fullName'],
  ['addMember', { fullName: 'Nigar' }, 'relationship'],
  ['addMember', memberBody({ familyId: '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b' }), 'familyId'],
  ['member', { fullName: null }, 'fullName'],
  ['member', { relationship: null }, 'relationship'],
  ['member', { otherNames: [''] }, 'otherNames'],
  ['member', { phone: 'abc' }, 'phone'],
  ['member', { id: '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b' }, 'id'],
  ['addPerson', { sex: 'male' }, 'fullName'],
  [
    'addPerson',
    missingPersonBody({ externalReferences: [{ number: '1' }] }),
    'externalReferences[0].authority',
  ],
  ['person', { status: 'closed' }, 'status'],
  ['person', { fullName: null }, 'fullName'],
  ['person', { disappearedOn: 'yesterday' }, 'disappearedOn'],
  ['person', { externalReferences: [{ authority: 'SC', number: 5 }] }, 'externalReferences[0].number'],
];
