/**
 * The shape of a working-day calendar as versioned data (reference-data/calendars/*.json), its
 * validation, and a council's override merged on top of it. Pure: the caller reads the files.
 */
import { isIsoDate, type IsoDate } from './dates';

export interface NamedDate {
  date: IsoDate;
  name: string;
}

export interface CalendarData {
  /** 'peacetime', 'martial-law', or a council's own name. */
  name: string;
  /** Version of the data, bumped on every change so a term can be traced to the data it used. */
  version: string;
  /** For staff, in Ukrainian. */
  title: string;
  /** The law the calendar follows. */
  basis: string;
  /** Dates the holiday data is complete for; null = open-ended. Outside, the calendar refuses. */
  covers: { from: IsoDate | null; to: IsoDate | null };
  /** When the regime this calendar models is in force (used by the law-in-force calendar). */
  appliesFrom: IsoDate | null;
  appliesUntil: IsoDate | null;
  /** ISO weekdays that are days off: [6, 7] = Saturday and Sunday (КЗпП ст. 67 ч. 1). */
  weekend: number[];
  /** Peacetime: art. 73 days are days off. Martial law: they are ordinary working days. */
  holidaysAreDaysOff: boolean;
  /** КЗпП ст. 67 ч. 3: a holiday on a day off moves the day off to the next working day. */
  transferWeekendHolidays: boolean;
  holidays: NamedDate[];
  /** Extra days off (a council's own decision, a КМУ-recommended bridge day it follows). */
  extraDaysOff: NamedDate[];
  /** Weekend days worked instead (the other half of a КМУ transfer of working days). */
  extraWorkingDays: NamedDate[];
  notes: string[];
}

/** What a council may change in a calendar: add or remove holidays, add days off or worked days. */
export interface CalendarOverride {
  /** Name of the calendar it applies to. */
  calendar: string;
  /** The override's own version, appended to the base version. */
  version: string;
  title?: string;
  basis?: string;
  covers?: { from: IsoDate | null; to: IsoDate | null };
  appliesFrom?: IsoDate | null;
  appliesUntil?: IsoDate | null;
  holidaysAreDaysOff?: boolean;
  transferWeekendHolidays?: boolean;
  addHolidays?: NamedDate[];
  removeHolidays?: IsoDate[];
  extraDaysOff?: NamedDate[];
  extraWorkingDays?: NamedDate[];
  notes?: string[];
}

/** problems in English; problemsUk the same, in order, for the IT person who edits the file. */
export class CalendarDataError extends Error {
  readonly messageUk: string;
  constructor(readonly source: string, readonly problems: string[], readonly problemsUk: string[] = problems) {
    super(`calendar data ${source}: ${problems.join('; ')}`);
    this.messageUk = `дані календаря ${source}: ${problemsUk.join('; ')}`;
    this.name = 'CalendarDataError';
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly problems: string[] = [];
  readonly problemsUk: string[] = [];
  constructor(private readonly obj: Obj) {}

  add(en: string, uk: string): void {
    this.problems.push(en);
    this.problemsUk.push(uk);
  }

  string(key: string, required: boolean): string | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !v.trim()) this.add(`${key} must be a non-empty string`, `${key} має бути непорожнім рядком`);
    return typeof v === 'string' ? v : undefined;
  }

  boolean(key: string, required: boolean): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'boolean') this.add(`${key} must be true or false`, `${key} має бути true або false`);
    return typeof v === 'boolean' ? v : undefined;
  }

  dateOrNull(key: string, required: boolean): IsoDate | null | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (v === null) return null;
    if (!isIsoDate(v)) this.add(`${key} must be YYYY-MM-DD or null, got ${JSON.stringify(v)}`, `${key} має бути датою РРРР-ММ-ДД або null, отримано ${JSON.stringify(v)}`);
    return isIsoDate(v) ? v : null;
  }

  covers(key: string, required: boolean): { from: IsoDate | null; to: IsoDate | null } | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (!isObj(v)) {
      this.add(`${key} must be {"from": …, "to": …}`, `${key} має бути {"from": …, "to": …}`);
      return undefined;
    }
    const inner = new Checker(v);
    const from = inner.dateOrNull('from', true) ?? null;
    const to = inner.dateOrNull('to', true) ?? null;
    inner.problems.forEach((p, i) => this.add(`${key}.${p}`, `${key}.${inner.problemsUk[i]}`));
    if (from && to && from > to) this.add(`${key}.from is after ${key}.to`, `${key}.from пізніше за ${key}.to`);
    return { from, to };
  }

  namedDates(key: string, required: boolean): NamedDate[] | undefined {
    const v = this.obj[key];
    if (v === undefined && !required) return undefined;
    if (!Array.isArray(v)) {
      this.add(`${key} must be a list of {"date", "name"}`, `${key} має бути списком {"date", "name"}`);
      return [];
    }
    const out: NamedDate[] = [];
    v.forEach((item, i) => {
      if (!isObj(item) || !isIsoDate(item.date) || typeof item.name !== 'string' || !item.name.trim()) {
        this.add(`${key}[${i}] must be {"date": "YYYY-MM-DD", "name": "…"}, got ${JSON.stringify(item)}`, `${key}[${i}] має бути {"date": "РРРР-ММ-ДД", "name": "…"}, отримано ${JSON.stringify(item)}`);
      } else out.push({ date: item.date, name: item.name });
    });
    return out;
  }

  dates(key: string): IsoDate[] | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every(isIsoDate)) {
      this.add(`${key} must be a list of YYYY-MM-DD dates`, `${key} має бути списком дат РРРР-ММ-ДД`);
      return [];
    }
    return v as IsoDate[];
  }

  strings(key: string): string[] | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
      this.add(`${key} must be a list of strings`, `${key} має бути списком рядків`);
      return [];
    }
    return v as string[];
  }

  weekend(key: string): number[] {
    const v = this.obj[key];
    if (!Array.isArray(v) || !v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
      this.add(`${key} must be a list of ISO weekdays 1-7`, `${key} має бути списком днів тижня за ISO, 1–7`);
      return [6, 7];
    }
    return v as number[];
  }
}

function noDuplicates(list: NamedDate[], key: string, c: Checker): void {
  const seen = new Set<string>();
  for (const { date } of list) {
    if (seen.has(date)) c.add(`${key} lists ${date} twice`, `${key}: дата ${date} повторюється`);
    seen.add(date);
  }
}

/** Validates raw JSON as calendar data; throws CalendarDataError listing every problem. */
export function parseCalendarData(raw: unknown, source = 'calendar'): CalendarData {
  if (!isObj(raw)) throw new CalendarDataError(source, ['must be a JSON object'], ['має бути обʼєктом JSON']);
  const c = new Checker(raw);
  const data: CalendarData = {
    name: c.string('name', true) ?? '',
    version: c.string('version', true) ?? '',
    title: c.string('title', true) ?? '',
    basis: c.string('basis', true) ?? '',
    covers: c.covers('covers', true) ?? { from: null, to: null },
    appliesFrom: c.dateOrNull('appliesFrom', true) ?? null,
    appliesUntil: c.dateOrNull('appliesUntil', true) ?? null,
    weekend: c.weekend('weekend'),
    holidaysAreDaysOff: c.boolean('holidaysAreDaysOff', true) ?? true,
    transferWeekendHolidays: c.boolean('transferWeekendHolidays', true) ?? false,
    holidays: c.namedDates('holidays', true) ?? [],
    extraDaysOff: c.namedDates('extraDaysOff', false) ?? [],
    extraWorkingDays: c.namedDates('extraWorkingDays', false) ?? [],
    notes: c.strings('notes') ?? [],
  };
  noDuplicates(data.holidays, 'holidays', c);
  const worked = new Set(data.extraWorkingDays.map((d) => d.date));
  for (const d of data.extraDaysOff) {
    if (worked.has(d.date)) c.add(`${d.date} is both an extra day off and an extra working day`, `${d.date} водночас додатковий вихідний і додатковий робочий день`);
  }
  if (data.appliesFrom && data.appliesUntil && data.appliesFrom > data.appliesUntil) c.add('appliesFrom is after appliesUntil', 'appliesFrom пізніше за appliesUntil');
  if (c.problems.length) throw new CalendarDataError(source, c.problems, c.problemsUk);
  data.holidays = [...data.holidays].sort((a, b) => a.date.localeCompare(b.date));
  return data;
}

/** Validates raw JSON as a council's calendar override. */
export function parseCalendarOverride(raw: unknown, source = 'override'): CalendarOverride {
  if (!isObj(raw)) throw new CalendarDataError(source, ['must be a JSON object'], ['має бути обʼєктом JSON']);
  const known = new Set([
    'calendar', 'version', 'title', 'basis', 'covers', 'appliesFrom', 'appliesUntil', 'holidaysAreDaysOff',
    'transferWeekendHolidays', 'addHolidays', 'removeHolidays', 'extraDaysOff', 'extraWorkingDays', 'notes', '$comment',
  ]);
  const c = new Checker(raw);
  const override: CalendarOverride = { calendar: c.string('calendar', true) ?? '', version: c.string('version', true) ?? '' };
  const title = c.string('title', false);
  const basis = c.string('basis', false);
  const covers = c.covers('covers', false);
  const appliesFrom = c.dateOrNull('appliesFrom', false);
  const appliesUntil = c.dateOrNull('appliesUntil', false);
  const holidaysAreDaysOff = c.boolean('holidaysAreDaysOff', false);
  const transferWeekendHolidays = c.boolean('transferWeekendHolidays', false);
  const addHolidays = c.namedDates('addHolidays', false);
  const removeHolidays = c.dates('removeHolidays');
  const extraDaysOff = c.namedDates('extraDaysOff', false);
  const extraWorkingDays = c.namedDates('extraWorkingDays', false);
  const notes = c.strings('notes');
  for (const k of Object.keys(raw).filter((key) => !known.has(key))) c.add(`unknown field ${k}`, `невідоме поле ${k}`);
  if (c.problems.length) throw new CalendarDataError(source, c.problems, c.problemsUk);
  return {
    ...override,
    ...(title !== undefined && { title }),
    ...(basis !== undefined && { basis }),
    ...(covers !== undefined && { covers }),
    ...(appliesFrom !== undefined && { appliesFrom }),
    ...(appliesUntil !== undefined && { appliesUntil }),
    ...(holidaysAreDaysOff !== undefined && { holidaysAreDaysOff }),
    ...(transferWeekendHolidays !== undefined && { transferWeekendHolidays }),
    ...(addHolidays !== undefined && { addHolidays }),
    ...(removeHolidays !== undefined && { removeHolidays }),
    ...(extraDaysOff !== undefined && { extraDaysOff }),
    ...(extraWorkingDays !== undefined && { extraWorkingDays }),
    ...(notes !== undefined && { notes }),
  };
}

/**
 * The base calendar with a council's override on top: scalar fields replace, holidays are
 * removed then added (an added date replaces a listed one), extra days are appended.
 * The version becomes "base+override" so a computed term names the data it came from.
 */
export function applyCalendarOverride(base: CalendarData, override: CalendarOverride): CalendarData {
  if (override.calendar !== base.name) {
    throw new CalendarDataError(override.version, [`override is for calendar "${override.calendar}", not "${base.name}"`], [`уточнення стосується календаря «${override.calendar}», а не «${base.name}»`]);
  }
  const removed = new Set(override.removeHolidays ?? []);
  const added = override.addHolidays ?? [];
  const addedDates = new Set(added.map((h) => h.date));
  const holidays = [...base.holidays.filter((h) => !removed.has(h.date) && !addedDates.has(h.date)), ...added]
    .sort((a, b) => a.date.localeCompare(b.date));
  const merged: CalendarData = {
    ...base,
    version: `${base.version}+${override.version}`,
    title: override.title ?? base.title,
    basis: override.basis ?? base.basis,
    covers: override.covers ?? base.covers,
    appliesFrom: override.appliesFrom !== undefined ? override.appliesFrom : base.appliesFrom,
    appliesUntil: override.appliesUntil !== undefined ? override.appliesUntil : base.appliesUntil,
    holidaysAreDaysOff: override.holidaysAreDaysOff ?? base.holidaysAreDaysOff,
    transferWeekendHolidays: override.transferWeekendHolidays ?? base.transferWeekendHolidays,
    holidays,
    extraDaysOff: [...base.extraDaysOff, ...(override.extraDaysOff ?? [])],
    extraWorkingDays: [...base.extraWorkingDays, ...(override.extraWorkingDays ?? [])],
    notes: [...base.notes, ...(override.notes ?? [])],
  };
  // Re-validate: an override must not leave the calendar inconsistent.
  return parseCalendarData(merged, `${base.name}@${merged.version}`);
}

