import { type CreateFamilyDto, Relationship, Sex } from '@accompany/families';

/**
 * Demo names in the three forms the field meets: Azerbaijani Latin, Russian Cyrillic and a
 * transliteration, so search can be tried on real-looking data. Invented people.
 */
type Forms = readonly [az: string, ru: string, latin: string];

const SURNAMES: Forms[] = [
  ['Məmmədov', 'Мамедов', 'Mammadov'],
  ['Əliyev', 'Алиев', 'Aliyev'],
  ['Hüseynov', 'Гусейнов', 'Huseynov'],
  ['Həsənov', 'Гасанов', 'Hasanov'],
  ['Quliyev', 'Кулиев', 'Guliyev'],
  ['İsmayılov', 'Исмаилов', 'Ismayilov'],
  ['Abdullayev', 'Абдуллаев', 'Abdullayev'],
  ['Cəfərov', 'Джафаров', 'Jafarov'],
  ['Rəhimov', 'Рагимов', 'Rahimov'],
  ['Nəsirov', 'Насиров', 'Nasirov'],
];
const MEN: Forms[] = [
  ['Elçin', 'Эльчин', 'Elchin'],
  ['Rəşad', 'Рашад', 'Rashad'],
  ['Vüqar', 'Вугар', 'Vugar'],
  ['Tural', 'Турал', 'Tural'],
  ['Ramil', 'Рамиль', 'Ramil'],
  ['Anar', 'Анар', 'Anar'],
  ['Fərid', 'Фарид', 'Farid'],
  ['Cavid', 'Джавид', 'Javid'],
];
const WOMEN: Forms[] = [
  ['Aysel', 'Айсель', 'Aysel'],
  ['Günel', 'Гюнель', 'Gunel'],
  ['Nərgiz', 'Наргиз', 'Nargiz'],
  ['Səbinə', 'Сабина', 'Sabina'],
  ['Leyla', 'Лейла', 'Leyla'],
  ['Zərifə', 'Зарифа', 'Zarifa'],
];
const PLACES = ['Ağdam', 'Füzuli', 'Kəlbəcər', 'Laçın', 'Şuşa', 'Xocalı', 'Cəbrayıl', 'Zəngilan'];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;
const feminine = (surname: Forms): Forms => [`${surname[0]}a`, `${surname[1]}а`, `${surname[2]}a`];
const name = (given: Forms, surname: Forms, form: 0 | 1 | 2): string => `${given[form]} ${surname[form]}`;
const spellings = (given: Forms, surname: Forms, main: 0 | 1 | 2): string[] =>
  ([0, 1, 2] as const).filter((form) => form !== main).map((form) => name(given, surname, form));

/** The i-th demo family: a mother (and every third family a sibling) searching for a son. */
export function demoFamily(i: number): CreateFamilyDto {
  const surname = pick(SURNAMES, i);
  const son = pick(MEN, i * 3 + 1);
  const mother = pick(WOMEN, i);
  const mainForm = (i % 3) as 0 | 1 | 2;
  const family: CreateFamilyDto = {
    address: `${pick(PLACES, i + 3)} district, temporary settlement ${(i % 12) + 1}`,
    preferredLanguage: i % 4 === 0 ? 'ru' : 'az',
    consent: { dataProcessing: true, sharingWithAuthorities: i % 5 !== 0, psychosocialSupport: i % 3 !== 2 },
    members: [
      {
        fullName: name(mother, feminine(surname), mainForm),
        otherNames: spellings(mother, feminine(surname), mainForm),
        sex: Sex.Female,
        birthYear: 1950 + (i % 20),
        relationship: Relationship.Mother,
        isContactPerson: true,
        phone: `+994 50 ${String(1000000 + i * 7919).slice(-7)}`,
      },
    ],
    missingPersons: [
      {
        fullName: name(son, surname, mainForm),
        otherNames: spellings(son, surname, mainForm),
        sex: Sex.Male,
        birthDate: `${1965 + (i % 15)}-0${(i % 9) + 1}-1${i % 10}`,
        disappearedOn: `199${2 + (i % 3)}-0${(i % 9) + 1}-2${i % 8}`,
        disappearancePlace: pick(PLACES, i),
        externalReferences: [
          { authority: 'State Commission', number: `SC-${1992 + (i % 3)}-${String(4000 + i)}` },
        ],
      },
    ],
  };
  if (i % 3 === 0) {
    const brother = pick(MEN, i + 5);
    family.members!.push({
      fullName: name(brother, surname, mainForm),
      relationship: Relationship.Sibling,
      sex: Sex.Male,
    });
  }
  return family;
}
