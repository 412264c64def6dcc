/**
 * Realistic Ukrainian test data made up at run time: people (surname, given name, patronymic in
 * agreement), addresses in a made-up district, and the ways the same person gets written down.
 * Seeded, so a test or a bench run sees the same people every time. No real person is meant.
 */
import { GIVEN_NAMES } from '../given-names';

export type Rng = () => number;

/** mulberry32: small, fast, seeded. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
export const int = (rng: Rng, from: number, to: number): number => from + Math.floor(rng() * (to - from + 1));

/** Surname stems and endings that combine into common-looking Ukrainian surnames. */
const STEMS = [
  'Бондар', 'Коваль', 'Ткач', 'Кравч', 'Мельнич', 'Гончар', 'Лис', 'Марч', 'Савч', 'Руд', 'Петр', 'Литвин', 'Пономар',
  'Остап', 'Назар', 'Гордій', 'Вакул', 'Дмитр', 'Захарч', 'Кузьм', 'Левч', 'Павл', 'Сидор', 'Якім', 'Тарас', 'Гнат',
  'Данил', 'Кост', 'Роман', 'Семен', 'Юрч', 'Панас', 'Дем’ян', 'Лук’ян', 'Мар’ян', 'Гаврил', 'Євтуш', 'Єрем', 'Ґудз',
  'Їжак', 'Мороз', 'Кушнір', 'Мартин', 'Гуменн', 'Головч', 'Дяч', 'Зайч', 'Мазур', 'Білоус', 'Швец', 'Олійнич', 'Криворуч',
  'Прокоп', 'Федор', 'Стеф', 'Климч', 'Харч', 'Карп', 'Шаповал', 'Степан', 'Ігнат', 'Тимош', 'Приход', 'Кирил', 'Гриц',
];
const ENDINGS = ['енко', 'ук', 'юк', 'чук', 'ишин', 'ко', 'ович'];
const GENDERED: Array<[string, string]> = [
  ['Ковальський', 'Ковальська'], ['Ярошевський', 'Ярошевська'], ['Білий', 'Біла'], ['Заїчний', 'Заїчна'],
  ['Вишневський', 'Вишневська'], ['Городецький', 'Городецька'], ['Стасів', 'Стасів'], ['Гриньків', 'Гриньків'],
];

/** Father's name → [male, female] patronymic. */
const PATRONYMICS: Array<[string, string]> = [
  ['Іванович', 'Іванівна'], ['Петрович', 'Петрівна'], ['Миколайович', 'Миколаївна'], ['Олександрович', 'Олександрівна'],
  ['Сергійович', 'Сергіївна'], ['Васильович', 'Василівна'], ['Григорович', 'Григорівна'], ['Михайлович', 'Михайлівна'],
  ['Андрійович', 'Андріївна'], ['Володимирович', 'Володимирівна'], ['Юрійович', 'Юріївна'], ['Вікторович', 'Вікторівна'],
  ['Олегович', 'Олегівна'], ['Анатолійович', 'Анатоліївна'], ['Степанович', 'Степанівна'], ['Богданович', 'Богданівна'],
  ['Ігорович', 'Ігорівна'], ['Ярославович', 'Ярославівна'], ['Дмитрович', 'Дмитрівна'], ['Павлович', 'Павлівна'],
  ['Федорович', 'Федорівна'], ['Леонідович', 'Леонідівна'], ['Євгенович', 'Євгенівна'], ['Ілліч', 'Іллівна'],
  ['Якович', 'Яківна'], ['Олексійович', 'Олексіївна'], ['В’ячеславович', 'В’ячеславівна'], ['Тарасович', 'Тарасівна'],
];

/** Streets of a made-up district: [type as written, name]. */
const STREETS: Array<[string, string]> = [
  ['вул.', 'Соборна'], ['вул.', 'Центральна'], ['вул.', 'Шкільна'], ['вул.', 'Садова'], ['просп.', 'Миру'],
  ['вул.', 'Незалежності'], ['вул.', 'Лесі Українки'], ['вул.', 'Івана Франка'], ['вул.', 'Тараса Шевченка'],
  ['вул.', 'Героїв України'], ['вул.', 'Слов’янська'], ['просп.', 'Металургів'], ['вул.', 'Дніпровська'], ['вул.', 'Паркова'],
  ['вул.', 'Зелена'], ['вул.', 'Весела'], ['вул.', 'Молодіжна'], ['вул.', 'Набережна'], ['вул.', 'Вишнева'], ['вул.', 'Польова'],
  ['вул.', 'Київська'], ['вул.', 'Харківська'], ['вул.', 'Січових Стрільців'], ['вул.', 'Григорія Сковороди'],
  ['просп.', 'Свободи'], ['вул.', 'Ярослава Мудрого'], ['вул.', 'Кам’янська'], ['вул.', 'Запорізька'], ['бульв.', 'Будівельників'],
  ['вул.', 'Квіткова'], ['вул.', 'Європейська'], ['вул.', 'Козацька'], ['пров.', 'Тихий'], ['пров.', 'Шкільний'],
  ['вул.', 'Ґрунтова'], ['вул.', 'Їжакова'], ['вул.', 'Євгена Коновальця'], ['вул.', 'Калинова'], ['вул.', 'Липова'],
  ['вул.', 'Каштанова'], ['вул.', 'Промислова'], ['вул.', 'Залізнична'], ['вул.', 'Торговельна'], ['вул.', 'Водопровідна'],
  ['вул.', 'Сонячна'], ['вул.', 'Степова'], ['вул.', 'Лугова'], ['вул.', 'Озерна'], ['вул.', 'Річкова'], ['вул.', 'Гірська'],
];

export const CITY = 'Кам’янське';

export interface FakePerson {
  surname: string;
  given: string;
  patronymic: string;
  female: boolean;
  street: [string, string];
  house: string;
  apartment: string;
  email?: string;
  phone?: string;
}

const LATIN = ['ivan', 'olena', 'petro', 'iryna', 'taras', 'mariia', 'oleh', 'natalia', 'yurii', 'oksana'];

export function fakeSurname(rng: Rng, female: boolean): string {
  if (rng() < 0.08) {
    const [m, f] = pick(rng, GENDERED);
    return female ? f : m;
  }
  return pick(rng, STEMS) + pick(rng, ENDINGS);
}

export function fakePerson(rng: Rng, over: Partial<FakePerson> = {}): FakePerson {
  const female = over.female ?? rng() < 0.55;
  const [pm, pf] = pick(rng, PATRONYMICS);
  const flats = rng() < 0.7;
  const p: FakePerson = {
    surname: fakeSurname(rng, female),
    given: pick(rng, female ? GIVEN_NAMES.female : GIVEN_NAMES.male),
    patronymic: female ? pf : pm,
    female,
    street: pick(rng, STREETS),
    house: String(int(rng, 1, flats ? 120 : 300)) + (rng() < 0.08 ? pick(rng, ['а', 'б']) : ''),
    apartment: flats ? String(int(rng, 1, 144)) : '',
  };
  if (rng() < 0.35) p.email = `${pick(rng, LATIN)}.${int(rng, 1, 99999)}@example.com`;
  if (rng() < 0.5) p.phone = `+380${pick(rng, ['50', '66', '67', '68', '73', '93', '95', '97', '98', '99'])}${String(int(rng, 0, 9_999_999)).padStart(7, '0')}`;
  return { ...p, ...over };
}

/** Someone else in the same flat: a relative with the same surname, or a tenant. */
export function housemate(rng: Rng, p: FakePerson, over: Partial<FakePerson> = {}): FakePerson {
  const other = fakePerson(rng, { street: p.street, house: p.house, apartment: p.apartment, ...over });
  const female = over.female ?? other.female;
  if (rng() < 0.8 && !GENDERED.some(([m, f]) => m === p.surname || f === p.surname)) other.surname = p.surname;
  return { ...other, female, email: undefined, phone: undefined, ...over };
}

export function officialName(p: FakePerson): string {
  return `${p.surname} ${p.given} ${p.patronymic}`;
}

export function officialAddress(p: FakePerson): string {
  const [type, name] = p.street;
  return `м. ${CITY}, ${type} ${name}, буд. ${p.house}${p.apartment ? `, кв. ${p.apartment}` : ''}`;
}

const swap = (s: string, from: RegExp, to: string) => s.replace(from, to);

/** The ways clerks and citizens write one name. */
export function nameVariant(rng: Rng, p: FakePerson): string {
  const g = p.given.charAt(0);
  const pt = p.patronymic.charAt(0);
  let s: string;
  switch (int(rng, 0, 6)) {
    case 0: s = `${p.surname} ${g}.${pt}.`; break;
    case 1: s = `${g}. ${pt}. ${p.surname}`; break;
    case 2: s = `${p.given} ${p.patronymic} ${p.surname}`; break;
    case 3: s = `${p.surname.toUpperCase()} ${p.given} ${p.patronymic}`; break;
    case 4: s = `${p.surname.toLowerCase()} ${p.given.toLowerCase()} ${p.patronymic.toLowerCase()}`; break;
    case 5: s = `${p.surname} ${g}. ${pt}.`; break;
    default: s = officialName(p);
  }
  // Spelling as typed: apostrophes of every kind, ї/і, є/е, ґ/г, a Latin «i».
  if (rng() < 0.5) s = swap(s, /[’ʼ]/g, pick(rng, ["'", '`', 'ʼ', '’']));
  if (rng() < 0.3) s = swap(s, /ї/g, 'і');
  if (rng() < 0.3) s = swap(s, /є/g, 'е');
  if (rng() < 0.3) s = swap(s, /ґ/g, 'г');
  if (rng() < 0.2) s = swap(s, /і/, 'i');
  return s;
}

export function addressVariant(rng: Rng, p: FakePerson): string {
  const [type, name] = p.street;
  const t = type === 'вул.' ? pick(rng, ['вул.', 'вулиця', 'вул', '']) : type === 'просп.' ? pick(rng, ['просп.', 'пр-т', 'проспект']) : type;
  const street = t ? `${t} ${name}` : name;
  const city = pick(rng, [`м. ${CITY}, `, `м.${CITY}, `, '', `${CITY}, `]);
  const house = p.house.replace(/^(\d+)([аб])$/, (_, d: string, l: string) => pick(rng, [`${d}${l}`, `${d}-${l.toUpperCase()}`, `${d} ${l.toUpperCase()}`]));
  if (!p.apartment) return `${city}${street}, ${pick(rng, ['буд. ', 'б.', ''])}${house}`;
  switch (int(rng, 0, 3)) {
    case 0: return `${city}${street}, буд. ${house}, кв. ${p.apartment}`;
    case 1: return `${city}${street} ${house} кв ${p.apartment}`;
    case 2: return /^\d+$/.test(house) ? `${city}${street} ${house}-${p.apartment}` : `${city}${street}, б.${house}, кв.${p.apartment}`;
    default: return `${city}${street}, б.${house}, кв.${p.apartment}`;
  }
}

/** Summaries by topic code, as clerks write them. */
export const SUMMARIES: Record<string, string[]> = {
  '009': [
    'Щодо ремонту покрівлі багатоквартирного будинку',
    'Про відсутність гарячого водопостачання',
    'Щодо незадовільного вивезення побутових відходів',
    'Про ремонт міжквартальної дороги та освітлення прибудинкової території',
    'Щодо перерахунку плати за теплопостачання',
    'Про ремонт ліфта у під’їзді',
    'Щодо заміни аварійних дерев біля будинку',
    'Про відновлення тиску холодної води на верхніх поверхах',
  ],
  '010': ['Про надання житла як внутрішньо переміщеній особі', 'Щодо постановки на квартирний облік', 'Про оформлення права власності на квартиру'],
  '006': ['Про надання матеріальної допомоги на лікування', 'Щодо призначення житлової субсидії', 'Про оформлення статусу особи з інвалідністю'],
  '008': ['Щодо запису до лікаря та роботи амбулаторії', 'Про забезпечення ліками за програмою «Доступні ліки»'],
  '003': ['Щодо графіка руху міського автобуса', 'Про ремонт зупинки громадського транспорту'],
  '013': ['Про облаштування дитячого майданчика', 'Щодо місця в дитячому садку'],
  '014': ['Щодо переведення дитини до іншої школи', 'Про підвезення учнів до школи'],
  '011': ['Про стихійне звалище біля річки', 'Щодо вирубки дерев у сквері'],
  '002': ['Про виділення земельної ділянки під город', 'Щодо межі земельної ділянки із сусідами'],
  '021': ['Щодо роботи старостинського округу', 'Про дії посадових осіб виконкому'],
  '012': ['Про порушення тиші у нічний час', 'Щодо незаконної торгівлі біля ринку'],
  '024': ['Подяка працівникам комунального підприємства', 'Інші питання'],
};

export function fakeSummary(rng: Rng, topic: string): string {
  return pick(rng, SUMMARIES[topic] ?? SUMMARIES['024']!);
}
