/**
 * `dilovod term`: the control term a rule gives for an event date, for clerks and for checks.
 * Everything is computed by the pure domain (src/domain/terms, src/domain/calendar); this file
 * only parses flags, reads an optional council calendar file and prints.
 */
import { readFileSync } from 'node:fs';
import {
  CalendarCoverageError, CalendarDataError, createCalendars, formatDateUk, isCalendarName, isIsoDate, parseCalendarOverride,
  weekdayShortUk, type CalendarName, type CalendarOverride, type IsoDate,
} from '../../domain/calendar';
import { computeTerm, listRules, TermError, type RollPolicy, type TermResult, type TermRule } from '../../domain/terms';
import { plural, type UkForms } from '../../domain/plural-uk';
import { parseArgs, UsageError, type CliCommand } from '../command';

const VALUE_FLAGS = ['rule', 'from', 'term', 'calendar', 'roll', 'calendar-file'];
const BOOLEAN_FLAGS = ['json', 'list'];
const EX_DATAERR = 65;

function single(flags: Map<string, string[]>, name: string): string | undefined {
  const values = flags.get(name);
  if (!values) return undefined;
  if (values.length > 1) throw new UsageError(`параметр --${name} вказано ${plural(values.length, { one: 'раз', few: 'рази', many: 'разів' })}; потрібен один`);
  return values[0];
}

function dateFlag(flags: Map<string, string[]>, name: string): IsoDate | undefined {
  const value = single(flags, name);
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${name}: потрібна дата РРРР-ММ-ДД, отримано «${value}»`);
  return value;
}

function calendarName(flags: Map<string, string[]>): CalendarName {
  const raw = single(flags, 'calendar') ?? 'law-in-force';
  const name = raw === 'auto' ? 'law-in-force' : raw;
  if (!isCalendarName(name)) throw new UsageError(`--calendar: невідомий календар «${raw}»; доступні: law-in-force (або auto), peacetime, martial-law`);
  return name;
}

function rollPolicy(flags: Map<string, string[]>): RollPolicy {
  const raw = single(flags, 'roll') ?? 'next';
  if (raw !== 'next' && raw !== 'previous') throw new UsageError(`--roll: має бути next або previous, отримано «${raw}»`);
  return raw;
}

function readOverrides(flags: Map<string, string[]>): CalendarOverride[] {
  return (flags.get('calendar-file') ?? []).map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`--calendar-file: не вдалося прочитати «${file}» (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return parseCalendarOverride(JSON.parse(text) as unknown, file);
  });
}

/** «1 робочий день», «3 робочі дні», «10 робочих днів» (календарні дні shortened for the column). */
const UNIT_UK: Record<TermRule['unit'], UkForms> = {
  'calendar-days': { one: 'календ. день', few: 'календ. дні', many: 'календ. днів' },
  'working-days': { one: 'робочий день', few: 'робочі дні', many: 'робочих днів' },
  months: { one: 'місяць', few: 'місяці', many: 'місяців' },
  hours: { one: 'година', few: 'години', many: 'годин' },
};

function printRules(rules: TermRule[], json: boolean): void {
  if (json) {
    console.log(JSON.stringify(rules, null, 2));
    return;
  }
  for (const r of rules) {
    const amount = r.requiresExplicitTerm ? 'строк з акта' : plural(r.amount, UNIT_UK[r.unit]);
    console.log(`${r.id.padEnd(22)} ${amount.padEnd(16)} ${r.title}`);
    console.log(`${''.padEnd(22)} Підстава: ${r.basis}`);
    if (r.note) console.log(`${''.padEnd(22)} Примітка: ${r.note}`);
  }
}

function day(date: IsoDate): string {
  return `${formatDateUk(date)} (${weekdayShortUk(date)})`;
}

function printResult(r: TermResult, json: boolean, calendarTitle: string): void {
  if (json) {
    const { rule, from, term, reminder, coExecutorsDue, extensionRequestDeadline, basis, explicit, calendar, calendarVersion, notes } = r;
    console.log(JSON.stringify({ rule, from, term, reminder, coExecutorsDue, extensionRequestDeadline, basis, explicit, calendar, calendarVersion, notes }, null, 2));
    return;
  }
  const coExecutorsDays = r.kind === 'appeal' ? '4 робочі дні, п. 80 Регламенту' : '3 робочі дні, п. 159 Регламенту';
  const lines = [
    `Правило: ${r.rule} — ${r.title}`,
    `Підстава: ${r.basis}`,
    `Календар: ${calendarTitle} [${r.calendar}, дані ${r.calendarVersion}]`,
    `Дата події: ${day(r.from)} — ${r.countsFrom}`,
    `Контрольний строк: ${day(r.term)}`,
    `Нагадування виконавцям (за 3 робочі дні, п. 117 Регламенту): ${day(r.reminder)}`,
    `Співвиконавці подають матеріали відповідальному виконавцю до (${coExecutorsDays}): ${day(r.coExecutorsDue)}`,
    `Прохання про продовження строку — не пізніше (п. 158 Регламенту): ${day(r.extensionRequestDeadline)}`,
    'Обчислення:',
    ...r.notes.map((n) => `  ${n}`),
  ];
  console.log(lines.join('\n'));
}

export const command: CliCommand = {
  name: 'term',
  summary: 'контрольний строк за правилом і датою події (--list: усі правила з підставами)',
  usage: [
    'dilovod term --rule ПРАВИЛО --from РРРР-ММ-ДД [--term РРРР-ММ-ДД] [--calendar law-in-force|peacetime|martial-law] '
      + '[--roll next|previous] [--calendar-file ФАЙЛ.json] [--json]',
    'dilovod term --list [--json]',
  ],
  async run(args) {
    const { flags, positional } = parseArgs(args, BOOLEAN_FLAGS);
    const unknown = [...flags.keys()].filter((f) => !VALUE_FLAGS.includes(f) && !BOOLEAN_FLAGS.includes(f));
    if (unknown.length) throw new UsageError(`невідомий параметр --${unknown[0]}`);
    if (positional.length) throw new UsageError(`зайвий аргумент «${positional[0]}»`);
    const json = flags.has('json');
    if (flags.has('list')) {
      printRules(listRules(), json);
      return 0;
    }

    const rule = single(flags, 'rule');
    if (!rule) throw new UsageError('потрібен параметр --rule (перелік правил: dilovod term --list)');
    const known = listRules().map((r) => r.id);
    if (!known.includes(rule)) throw new UsageError(`--rule: невідоме правило «${rule}»; доступні: ${known.join(', ')}`);
    const from = dateFlag(flags, 'from');
    if (!from) throw new UsageError('потрібен параметр --from РРРР-ММ-ДД (дата події)');
    const explicitTerm = dateFlag(flags, 'term');
    const name = calendarName(flags);
    const roll = rollPolicy(flags);

    let overrides: CalendarOverride[];
    try {
      overrides = readOverrides(flags);
    } catch (err) {
      if (err instanceof CalendarDataError) {
        console.error(`dilovod term: --calendar-file: ${err.messageUk}`);
        return EX_DATAERR;
      }
      if (err instanceof SyntaxError) {
        console.error(`dilovod term: --calendar-file: файл не є коректним JSON (${err.message})`);
        return EX_DATAERR;
      }
      throw err;
    }
    let calendars;
    try {
      calendars = createCalendars(overrides);
    } catch (err) {
      console.error(`dilovod term: --calendar-file: ${(err as { messageUk?: string }).messageUk ?? (err as Error).message}`);
      return EX_DATAERR;
    }
    const calendar = calendars.byName(name);

    let result: TermResult;
    try {
      result = computeTerm({ rule, from, calendar, explicitTerm, options: { roll } });
    } catch (err) {
      if (err instanceof TermError) {
        const flag = err.code === 'EXPLICIT_TERM_REQUIRED' || err.code === 'EXPLICIT_TERM_BEFORE_EVENT' ? '--term' : '--from';
        throw new UsageError(`${flag}: ${err.messageUk}`);
      }
      if (err instanceof CalendarCoverageError) throw new UsageError(`--from: ${err.messageUk}`);
      throw err;
    }
    printResult(result, json, calendar.title);
    return 0;
  },
};
