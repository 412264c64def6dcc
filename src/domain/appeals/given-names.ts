/**
 * Common Ukrainian given names, with the Russian and colloquial spellings seen in appeals mapped
 * to the Ukrainian one. Used to tell a given name from a surname when the order is not known
 * («Ірина Коваленко» vs «Коваленко Ірина») and to know a name's gender.
 */
import { foldRaw } from './text';

const MALE = [
  'Андрій', 'Анатолій', 'Антон', 'Арсен', 'Артем', 'Богдан', 'Борис', 'Вадим', 'Валентин', 'Валерій', 'Василь',
  'Віктор', 'Віталій', 'Владислав', 'Володимир', 'Всеволод', 'Вʼячеслав', 'Геннадій', 'Георгій', 'Григорій', 'Давид',
  'Денис', 'Дмитро', 'Євген', 'Єгор', 'Захар', 'Іван', 'Ігор', 'Ілля', 'Йосип', 'Кирило', 'Костянтин', 'Кузьма',
  'Леонід', 'Максим', 'Марко', 'Матвій', 'Микита', 'Микола', 'Михайло', 'Назар', 'Олег', 'Олександр', 'Олексій',
  'Остап', 'Павло', 'Петро', 'Роман', 'Ростислав', 'Руслан', 'Святослав', 'Семен', 'Сергій', 'Станіслав',
  'Степан', 'Тарас', 'Тимофій', 'Федір', 'Юрій', 'Яків', 'Ярослав', 'Данило', 'Орест', 'Мирослав', 'Любомир',
];

const FEMALE = [
  'Алла', 'Анастасія', 'Ангеліна', 'Анна', 'Ганна', 'Антоніна', 'Валентина', 'Вікторія', 'Віра', 'Галина', 'Дарина',
  'Діана', 'Євгенія', 'Єлизавета', 'Жанна', 'Зінаїда', 'Зоя', 'Інна', 'Ірина', 'Катерина', 'Лариса', 'Леся',
  'Лідія', 'Любов', 'Людмила', 'Марина', 'Марія', 'Марʼяна', 'Мирослава', 'Надія', 'Наталія', 'Ніна', 'Оксана',
  'Олена', 'Олександра', 'Ольга', 'Раїса', 'Світлана', 'Софія', 'Тамара', 'Тетяна', 'Уляна', 'Христина',
  'Юлія', 'Ярослава', 'Яна', 'Валерія', 'Поліна', 'Таміла', 'Емілія', 'Соломія', 'Богдана', 'Зоряна', 'Лілія',
];

/** Russian or colloquial spelling → Ukrainian name (both sides as written; folded at load). */
const VARIANTS: Array<[string, string]> = [
  ['Николай', 'Микола'], ['Алексей', 'Олексій'], ['Александр', 'Олександр'], ['Сергей', 'Сергій'],
  ['Дмитрий', 'Дмитро'], ['Владимир', 'Володимир'], ['Григорий', 'Григорій'], ['Юрий', 'Юрій'],
  ['Евгений', 'Євген'], ['Виктор', 'Віктор'], ['Пётр', 'Петро'], ['Петр', 'Петро'], ['Михаил', 'Михайло'],
  ['Андрей', 'Андрій'], ['Анатолий', 'Анатолій'], ['Валерий', 'Валерій'], ['Виталий', 'Віталій'],
  ['Василий', 'Василь'], ['Геннадий', 'Геннадій'], ['Георгий', 'Георгій'], ['Кирилл', 'Кирило'],
  ['Константин', 'Костянтин'], ['Павел', 'Павло'], ['Фёдор', 'Федір'], ['Федор', 'Федір'], ['Яков', 'Яків'],
  ['Илья', 'Ілля'], ['Олександер', 'Олександр'], ['Семён', 'Семен'], ['Тимофей', 'Тимофій'], ['Матвей', 'Матвій'],
  ['Елена', 'Олена'], ['Екатерина', 'Катерина'], ['Наталья', 'Наталія'], ['Наталя', 'Наталія'], ['Наталка', 'Наталія'],
  ['Татьяна', 'Тетяна'], ['Светлана', 'Світлана'], ['Мария', 'Марія'], ['Вера', 'Віра'], ['Надежда', 'Надія'],
  ['Любовь', 'Любов'], ['Юлия', 'Юлія'], ['Лидия', 'Лідія'], ['Зинаида', 'Зінаїда'], ['Раиса', 'Раїса'],
  ['Евгения', 'Євгенія'], ['Елизавета', 'Єлизавета'], ['Софья', 'Софія'], ['Анастасия', 'Анастасія'],
  ['Виктория', 'Вікторія'], ['Ульяна', 'Уляна'], ['Кристина', 'Христина'], ['Ганна', 'Анна'], ['Анна', 'Анна'],
];

export type Gender = 'male' | 'female';

const GENDER = new Map<string, Gender>();
for (const n of MALE) GENDER.set(foldRaw(n), 'male');
for (const n of FEMALE) GENDER.set(foldRaw(n), 'female');

const CANONICAL = new Map<string, string>();
for (const [variant, name] of VARIANTS) CANONICAL.set(foldRaw(variant), foldRaw(name));

/** The folded Ukrainian form of a folded given name (Russian spelling mapped), else itself. */
export function canonicalGivenName(folded: string): string {
  return CANONICAL.get(folded) ?? folded;
}

/** Gender of a known given name (folded), undefined when the name is not in the list. */
export function givenNameGender(folded: string): Gender | undefined {
  return GENDER.get(canonicalGivenName(folded));
}

export function isKnownGivenName(folded: string): boolean {
  return GENDER.has(canonicalGivenName(folded));
}

/** A given name's stem as patronymics carry it: «Миколай-ович», «Никола-евич», «Сергі-ївна», «Серге-евна». */
function stem(folded: string): string {
  return folded.replace(/[йіе]+$/, '');
}

const STEMS = new Map<string, string>();
for (const [variant, name] of VARIANTS) {
  const [a, b] = [stem(foldRaw(variant)), stem(foldRaw(name))];
  if (a !== b) STEMS.set(a, b);
}

const PATRONYMIC_SUFFIX = /(овіч|евіч|івна|овна|евна|ічна|іч)$/;

/**
 * The father's name a (folded) patronymic comes from, in one form for Ukrainian and Russian
 * spellings: «Миколайович», «Николаевич», «Миколаївна», «Николаевна» → «мікола».
 */
export function patronymicRoot(folded: string): string {
  const root = stem(folded.replace(PATRONYMIC_SUFFIX, ''));
  return STEMS.get(root) ?? root;
}

/** The fathers' names patronymics come from, as patronymicRoot gives them («ігор», «грігор», «мікола»). */
const FATHER_ROOTS = new Set(MALE.map((name) => {
  const root = stem(foldRaw(name));
  return STEMS.get(root) ?? root;
}));

/** Whether a patronymic's root is a known man's name: then two different roots are two fathers, not a typo. */
export function isKnownFatherName(root: string): boolean {
  return FATHER_ROOTS.has(root);
}

/** The lists themselves, for test-data generators. */
export const GIVEN_NAMES = { male: MALE, female: FEMALE } as const;
