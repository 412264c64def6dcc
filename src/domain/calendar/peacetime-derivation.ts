/**
 * reference-data/calendars/peacetime.json, derived from the rules: the art. 73 holidays of every
 * year 2000-2100 (labour-code-holidays.ts) with the calendar's title, basis and notes. The JSON
 * stays the versioned data the hub loads and a council reads and overrides; this is its only
 * author (`npx tsx scripts/gen-peacetime-calendar.ts` writes it, and a test fails when the file
 * and the rules disagree). Pure: no I/O here.
 */
import { fromParts } from './dates';
import type { CalendarData, NamedDate } from './data';
import { AMENDMENTS, inForceUk } from './labour-code-amendments';
import { FIRST_DERIVED_YEAR, LAST_DERIVED_YEAR, labourCodeHolidays } from './labour-code-holidays';

/** Bump on every change of the rules or the texts: a computed term names the data it came from. */
export const PEACETIME_VERSION = '2026.2';

export type PeacetimeCalendarFile = { $comment: string } & CalendarData;

export function derivePeacetimeHolidays(fromYear = FIRST_DERIVED_YEAR, toYear = LAST_DERIVED_YEAR): NamedDate[] {
  const out: NamedDate[] = [];
  for (let year = fromYear; year <= toYear; year++) out.push(...labourCodeHolidays(year));
  return out;
}

export function derivePeacetimeCalendar(): PeacetimeCalendarFile {
  return {
    $comment:
      'Створено з правил (src/domain/calendar/labour-code-holidays.ts, labour-code-amendments.ts) командою ' +
      '`npx tsx scripts/gen-peacetime-calendar.ts`; не редагуйте вручну — тест звіряє файл із правилами. Святкові та неробочі ' +
      'дні за ст. 73 КЗпП у редакції, чинній на кожну дату; перенесення вихідних за ч. 3 ст. 67 КЗпП обчислюється з цього ' +
      'переліку. Рада змінює дані файлом змін (див. council-override.example.json).',
    name: 'peacetime',
    version: PEACETIME_VERSION,
    title: 'Мирний час: понеділок–пʼятниця, крім святкових і неробочих днів (ст. 73 КЗпП) та перенесених вихідних (ч. 3 ст. 67 КЗпП)',
    basis:
      'Кодекс законів про працю України: ст. 67 ч. 1; ч. 3 (Закон № 576-XIV від 08.04.1999); ст. 73 у редакції, чинній на ' +
      'кожну дату (закони № 238-VIII від 05.03.2015, № 2211-VIII від 16.11.2017, від 31.05.2022 (законопроєкт № 5864), ' +
      '№ 3107-IX від 29.05.2023, від 14.07.2023 (законопроєкт № 9431))',
    covers: { from: fromParts(FIRST_DERIVED_YEAR, 1, 1), to: fromParts(LAST_DERIVED_YEAR, 12, 31) },
    appliesFrom: null,
    appliesUntil: null,
    weekend: [6, 7],
    holidaysAreDaysOff: true,
    transferWeekendHolidays: true,
    holidays: derivePeacetimeHolidays(),
    extraDaysOff: [],
    extraWorkingDays: [],
    notes: [
      ...AMENDMENTS.filter((a) => a.id !== 'law-2136-IX').map((a) => `${a.actUk}${a.inForceKnown === 'as-of' ? '' : ` (${inForceUk(a)})`}: ${a.changesUk}.`),
      'Пасха і Трійця — за православною пасхалією (юліанський розрахунок, переведений у григоріанський календар: +13 днів у 1900–2099 рр., +14 у 2100 р.); Трійця — через 49 днів після Пасхи.',
      'Два свята в один день (Пасха 1 травня 2005 і 2016 рр.) — одна дата, один перенесений вихідний.',
      '8 березня з переліку не вилучено: законопроєкт № 9009 (2023) не ухвалено.',
      'Рекомендації КМУ про перенесення робочих днів (мости між святами) не включено: це не дні, визначені законом (ЦК України, ст. 254 ч. 5); рада, що їх виконує, додає їх файлом змін (extraDaysOff / extraWorkingDays).',
      'З 24.03.2022 діє воєнний стан (Закон № 2136-IX від 15.03.2022, ст. 6): святкові дні — робочі, без перенесень; календар «law-in-force» на ці дати бере календар «martial-law», тож дані мирного часу з 2022 р. мають довідкове значення до дати припинення воєнного стану.',
    ],
  };
}

/** The file's text: two-space JSON and a final newline, as the script writes it. */
export function renderPeacetimeCalendarJson(): string {
  return `${JSON.stringify(derivePeacetimeCalendar(), null, 2)}\n`;
}
