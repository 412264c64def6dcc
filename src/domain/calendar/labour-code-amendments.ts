/**
 * The acts that set the public holidays and days off of 2000-2100: art. 73 of the Labour Code
 * (КЗпП) as amended, art. 67 ч. 3 (the moved day off) and the martial-law law that suspends them.
 *
 * `inForce` is the first day the amended wording applies. Where the exact day could not be
 * verified it is the earliest day the act could apply (e.g. the day after the President signed
 * it) and `verified` says so; for every such act the holidays it touches fall well outside the
 * uncertain days, so no date of the derived calendar depends on them (each row says why).
 *
 * How each row was checked: no official text (zakon.rada.gov.ua) could be read from here, so
 * the acts were checked against published copies of their text and news of their adoption,
 * signing and entry into force (the addresses are in `sources`), and against the independent
 * vacanza/holidays library (holidays/countries/ukraine.py), which models the same history.
 */
import { formatDateUk, type IsoDate } from './dates';

export type AmendmentId =
  | 'kzpp-2000'
  | 'law-576-XIV'
  | 'law-238-VIII'
  | 'law-315-VIII'
  | 'law-2211-VIII'
  | 'law-1643-IX'
  | 'law-2136-IX'
  | 'bill-5864'
  | 'law-3107-IX'
  | 'bill-9431';

export interface Amendment {
  id: AmendmentId;
  /** The act as staff cite it, in Ukrainian. */
  actUk: string;
  /** Short form for a holiday's name: «ст. 73 КЗпП у ред. <citeUk>». */
  citeUk: string;
  /** The first day the act applies (see the file comment for unverified days). */
  inForce: IsoDate;
  /**
   * How inForce is known: 'exact' (verified), 'earliest' (the earliest possible day; the exact one
   * was not verified), 'assumed' (not verified; the row says what it rests on), 'as-of' (the
   * wording in force on that day, not an amendment).
   */
  inForceKnown: 'exact' | 'earliest' | 'assumed' | 'as-of';
  /** What it changed, in Ukrainian (goes to the calendar's notes for staff). */
  changesUk: string;
  /** What was verified and how; what was not. */
  verified: string;
  sources: string[];
}

export const AMENDMENTS: readonly Amendment[] = [
  {
    id: 'kzpp-2000',
    actUk: 'Кодекс законів про працю України, ст. 73 (редакція, чинна на 01.01.2000)',
    citeUk: 'ст. 73 КЗпП',
    inForce: '2000-01-01',
    inForceKnown: 'as-of',
    changesUk:
      'ч. 1: 1 січня — Новий рік; 7 січня — Різдво Христове; 8 березня — Міжнародний жіночий день; 1 і 2 травня — День міжнародної ' +
      'солідарності трудящих; 9 травня — День Перемоги; 28 червня — День Конституції України; 24 серпня — День незалежності України. ' +
      'ч. 2: 7 січня — Різдво Христове; один день (неділя) — Пасха (Великдень); один день (неділя) — Трійця',
    verified:
      'Wording from published copies of art. 73 (jurists.org.ua commentary, jobs.ua, radnuk.info). 7-8 November (anniversary of ' +
      'the October revolution) were days off in 1999 (День, № 200, 1999: 7, 8 and moved 9 November 1999) and are not in this ' +
      'wording; the act that removed them and its date were NOT verified (vacanza/holidays has them up to 1999 only).',
    sources: [
      'http://www.jurists.org.ua/labor-law/5353-naukovo-praktichniy-komentar-do-st-73-kodeksu-zakonv-pro-pracyu-ukrayini.html',
      'https://jobs.ua/kzot/part-5/article-81',
      'https://day.kyiv.ua/ru/article/den-ukrainy/7-8-i-9-noyabrya-zakonnye-krasnye-dni',
    ],
  },
  {
    id: 'law-576-XIV',
    actUk: 'Закон України від 08.04.1999 № 576-XIV (ч. 3 ст. 67 КЗпП)',
    citeUk: 'Закону № 576-XIV від 08.04.1999',
    inForce: '1999-04-23',
    inForceKnown: 'assumed',
    changesUk:
      'ч. 3 ст. 67 КЗпП: якщо святковий або неробочий день (ст. 73) збігається з вихідним днем, вихідний день переноситься ' +
      'на наступний після святкового або неробочого',
    verified:
      'Text and number from a published copy (parusconsultant.com, in Russian): in force on publication; 23.04.1999 as in ' +
      'vacanza/holidays (publication day not checked by us, but it is before 2000, so every year here has the rule).',
    sources: ['http://parusconsultant.com/?abz=0CJFA&doc=009NC0EB01'],
  },
  {
    id: 'law-238-VIII',
    actUk: 'Закон України від 05.03.2015 № 238-VIII «Про внесення зміни до статті 73 Кодексу законів про працю України»',
    citeUk: 'Закону № 238-VIII від 05.03.2015',
    inForce: '2015-03-06',
    inForceKnown: 'earliest',
    changesUk: '14 жовтня — День захисника України (святковий день)',
    verified:
      'Text and number from a published copy: in force the day after publication. The publication day was NOT verified; ' +
      '06.03.2015 is the earliest possible. 14.10.2015 was a day off under it (news of 2015), so the calendar does not depend on it.',
    sources: [
      'http://vanovychi-zosh.lviv.sch.in.ua/advert/id/218/vn/14-жовтня-офіційний-вихідний-день/',
      'https://job.gorod.dp.ua/news/123126',
    ],
  },
  {
    id: 'law-315-VIII',
    actUk: 'Закон України від 09.04.2015 № 315-VIII «Про увічнення перемоги над нацизмом у Другій світовій війні 1939–1945 років»',
    citeUk: 'Закону № 315-VIII від 09.04.2015',
    inForce: '2016-01-01',
    inForceKnown: 'assumed',
    changesUk: '9 травня названо «День перемоги над нацизмом у Другій світовій війні (День перемоги)»; дата не змінилася',
    verified:
      'Only the NAME of 9 May changes. That art. 73 carried the new name by 16.11.2017 is verified (lists of art. 73 published ' +
      'with Law 2211-VIII); that Law 315-VIII made the change and from which day were NOT verified. The name is used from 2016, ' +
      'as in vacanza/holidays. No day off depends on it.',
    sources: ['https://ns.cn.court.gov.ua/sud2513/pres-centr/news/400286', 'https://prg.kz/mapi/amp/document/36546123'],
  },
  {
    id: 'law-2211-VIII',
    actUk: 'Закон України від 16.11.2017 № 2211-VIII «Про внесення змін до статті 73 Кодексу законів про працю України щодо святкових і неробочих днів»',
    citeUk: 'Закону № 2211-VIII від 16.11.2017',
    inForce: '2017-12-02',
    inForceKnown: 'exact',
    changesUk: '25 грудня — Різдво Христове (другий день Різдва поряд із 7 січня); «1 травня — День праці» замість «1 і 2 травня — День міжнародної солідарності трудящих» (2 травня більше не святковий)',
    verified:
      'Text and number from published copies (cons.parus.ua, umo.edu.ua): in force the day after publication; published in ' +
      '«Голос України» on 01.12.2017 (ura-inform.com), so in force on 02.12.2017: 25.12.2017 was its first 25 December, 2.05.2018 a working day.',
    sources: [
      'http://cons.parus.ua/_doc_view.asp?rnx=0AV6U2ebd25725e17f5b58fa00c0ef2287388',
      'https://ura-inform.com/ru/society/2017/12/02/v-ukraine-ofitsialno-pojavilsja-novyj-vykhodnoj',
    ],
  },
  {
    id: 'law-1643-IX',
    actUk: 'Закон України від 14.07.2021 № 1643-IX «Про внесення зміни до статті 73 Кодексу законів про працю України»',
    citeUk: 'Закону № 1643-IX від 14.07.2021',
    inForce: '2021-08-04',
    inForceKnown: 'earliest',
    changesUk: '14 жовтня названо «День захисників і захисниць України»; дата не змінилася',
    verified:
      'Number, adoption (14.07.2021) and signing (03.08.2021) from bukoda.gov.ua: in force the day after publication, which was ' +
      'NOT verified; 04.08.2021 is the earliest possible. Only the name changes, and it was in force by 14.10.2021 either way.',
    sources: ['https://bukoda.gov.ua/news/prezident-pidpisav-zakon-pro-den-zahisnikiv-i-zahisnic-ukrayini'],
  },
  {
    id: 'law-2136-IX',
    actUk: 'Закон України від 15.03.2022 № 2136-IX «Про організацію трудових відносин в умовах воєнного стану», ст. 6',
    citeUk: 'Закону № 2136-IX від 15.03.2022',
    inForce: '2022-03-24',
    inForceKnown: 'exact',
    changesUk:
      'на період воєнного стану святкові та неробочі дні (ст. 73 КЗпП) є робочими, перенесення вихідних (ч. 3 ст. 67 КЗпП) не ' +
      'застосовується; діє з 24.03.2022 (календар «martial-law», не цей)',
    verified:
      'As in reference-data/calendars/martial-law.json (appliesFrom 2022-03-24); court notices of 2022 apply art. 6 to 2 and 9 May 2022. ' +
      'The peacetime calendar keeps listing art. 73 days for these years: the law-in-force calendar switches to martial law instead.',
    sources: ['https://el.mk.court.gov.ua/sud1410/pres-centr/new/1273983'],
  },
  {
    id: 'bill-5864',
    actUk: 'Закон України від 31.05.2022 (законопроєкт № 5864) «Про внесення зміни до статті 73 Кодексу законів про працю України щодо встановлення святкового дня – День Української Державності»',
    citeUk: 'Закону від 31.05.2022 (законопроєкт № 5864)',
    inForce: '2022-05-31',
    inForceKnown: 'earliest',
    changesUk: '28 липня — День Української Державності (святковий день)',
    verified:
      'Adoption on 31.05.2022 and the bill number from interfax.com.ua and others; the law\'s number and its day in force were NOT ' +
      'verified (31.05.2022 is the earliest possible). It was first observed on 28.07.2022 (lux.fm), under martial law.',
    sources: ['https://ru.interfax.com.ua/news/general/836104.html', 'https://lux.fm/v-ukrayini-zyavilosya-nove-derzhavne-svyato---den-ukrayinskoyi-derzhavnosti_n119543'],
  },
  {
    id: 'law-3107-IX',
    actUk: 'Закон України від 29.05.2023 № 3107-IX «Про День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років»',
    citeUk: 'Закону № 3107-IX від 29.05.2023',
    inForce: '2023-06-15',
    inForceKnown: 'exact',
    changesUk: '8 травня — День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років замість 9 травня (9 травня — востаннє у 2023 р., 8 травня — з 2024 р.)',
    verified: 'Number, date and entry into force on 15.06.2023 from hrliga.com and a court notice (ki.hr.court.gov.ua).',
    sources: ['https://hrliga.com/index.php?id=25569&module=news&op=view', 'https://ki.hr.court.gov.ua/sud2018/pres-centr/news/1439560/'],
  },
  {
    id: 'bill-9431',
    actUk: 'Закон України від 14.07.2023 (законопроєкт № 9431) «Про внесення змін до статті 73 Кодексу законів про працю України»',
    citeUk: 'Закону від 14.07.2023 (законопроєкт № 9431)',
    inForce: '2023-07-29',
    inForceKnown: 'earliest',
    changesUk:
      'Різдво Христове лише 25 грудня (7 січня — востаннє у 2023 р.); День Української Державності 15 липня замість 28 липня ' +
      '(28.07.2023 — ще за попередньою редакцією, 15 липня — з 2024 р.); День захисників і захисниць України 1 жовтня замість ' +
      '14 жовтня (з 2023 р.)',
    verified:
      'Adoption 14.07.2023 and signing 28.07.2023 from interfax.com.ua and unn.ua; in force the day after publication ' +
      '(ukr-space.com.ua; some news said «from 1 September»). The publication day and the law\'s number (believed 3248-IX) were NOT ' +
      'verified; 29.07.2023 is the earliest possible. No date depends on it: 28.07.2023 came before it, 1.10.2023 after it either way.',
    sources: [
      'https://interfax.com.ua/news/general/925633.html',
      'https://unn.ua/news/zelenskiy-pidpisav-zakon-pro-novi-dati-trokh-svyat-rizdvo-25-grudnya',
      'https://ukr-space.com.ua/news/194434',
    ],
  },
];

export function amendment(id: AmendmentId): Amendment {
  const found = AMENDMENTS.find((a) => a.id === id);
  if (!found) throw new Error(`unknown amendment ${id}`);
  return found;
}

/** For staff: «з 02.12.2017», «не раніше 29.07.2023», «з 2016 р. (дату не перевірено)», «на 01.01.2000». */
export function inForceUk(a: Amendment): string {
  const day = formatDateUk(a.inForce);
  switch (a.inForceKnown) {
    case 'exact':
      return `з ${day}`;
    case 'earliest':
      return `не раніше ${day} (точну дату не перевірено)`;
    case 'assumed':
      return `з ${a.inForce.slice(0, 4)} р. (дату не перевірено)`;
    case 'as-of':
      return `на ${day}`;
  }
}
