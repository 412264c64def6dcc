/**
 * The control term of an item and the dates that follow from it:
 *  - reminder to executors 3 working days before the term (003 §117);
 *  - co-executors hand their part to the responsible executor 4 working days before an appeal's
 *    term (003 §80, §111) and 3 before a document's (003 §159);
 *  - an extension is asked at least 3 working days before the term (003 §158), or, for a
 *    document without a term, up to the end of its 30 days (003 §158, second paragraph).
 */
import { formatDateUk, isIsoDate, addWorkingDays, maxDate, type IsoDate, type WorkingDayCalendar } from '../calendar';
import { isRolled, rawTermEnd, rollToWorkingDay, type RollPolicy } from './count';
import { explicitTermBeforeEvent, explicitTermRequired, invalidDate, unknownRule } from './errors';
import { resolveRules, type RuleOverrides, type TermKind, type TermRule, type TermUnit } from './rules';
import { plural } from '../plural-uk';

export interface TermOptions {
  /** ЦК ст. 254 ч. 5: 'next' (default); some councils use 'previous'. */
  roll?: RollPolicy;
  /** Whether a term written in the document or resolution is also moved off a non-working day (default true: ЦК ст. 254 ч. 5 speaks of any term's last day). */
  rollExplicitTerm?: boolean;
  /** 003 §117: 3. */
  reminderWorkingDays?: number;
  /** 003 §80, §111 (appeals): 4; 003 §159 (documents): 3. */
  coExecutorWorkingDays?: Partial<Record<TermKind, number>>;
  /** 003 §158: 3. */
  extensionRequestWorkingDays?: number;
  /** A council's changes to the default rules. */
  rules?: RuleOverrides;
}

export const DEFAULT_TERM_OPTIONS = {
  roll: 'next',
  rollExplicitTerm: true,
  reminderWorkingDays: 3,
  coExecutorWorkingDays: { appeal: 4, document: 3 },
  extensionRequestWorkingDays: 3,
} as const satisfies TermOptions;

export interface ComputeTermInput {
  rule: string;
  /** The event the term counts from: receipt, registration, dispatch (see the rule's countsFrom). */
  from: IsoDate;
  calendar: WorkingDayCalendar;
  /** A term written in the document or the resolution: wins over the rule's default. */
  explicitTerm?: IsoDate | null;
  options?: TermOptions;
}

export interface TermResult {
  rule: string;
  title: string;
  from: IsoDate;
  term: IsoDate;
  reminder: IsoDate;
  coExecutorsDue: IsoDate;
  extensionRequestDeadline: IsoDate;
  /** The legal source of the term, in Ukrainian. */
  basis: string;
  /** How the date was reached, in Ukrainian, one line per step. */
  notes: string[];
  explicit: boolean;
  amount: number;
  unit: TermUnit;
  kind: TermKind;
  countsFrom: string;
  /** The last day before a move off a non-working day (equal to term when not moved). */
  unadjustedTerm: IsoDate;
  adjustment: 'none' | 'next-working-day' | 'previous-working-day';
  calendar: string;
  calendarVersion: string;
}

/** «1 робочий день», «3 робочі дні», «10 робочих днів»: a rule overridden to any amount still reads right. */
const UNIT_UK: Record<TermUnit, (n: number) => string> = {
  'calendar-days': (n) => plural(n, { one: 'календарний день', few: 'календарні дні', many: 'календарних днів' }),
  'working-days': (n) => plural(n, { one: 'робочий день', few: 'робочі дні', many: 'робочих днів' }),
  months: (n) => plural(n, { one: 'місяць', few: 'місяці', many: 'місяців' }),
  hours: (n) => plural(n, { one: 'година', few: 'години', many: 'годин' }),
};

function describeAmount(rule: TermRule): string {
  return UNIT_UK[rule.unit](rule.amount);
}

function lookupRule(id: string, overrides: RuleOverrides | undefined): TermRule {
  const rules = resolveRules(overrides);
  const rule = rules.get(id);
  if (!rule) throw unknownRule(id, [...rules.keys()]);
  return rule;
}

export interface DeriveDatesInput {
  term: IsoDate;
  /** The event the term counts from: no derived date falls before it. */
  from?: IsoDate | null;
  kind: TermKind;
  calendar: WorkingDayCalendar;
  options?: TermOptions;
  /** 003 §158: a document without a term asks for an extension up to the term itself. */
  extensionRequestUntilTerm?: boolean;
}

export interface DerivedTermDates {
  reminder: IsoDate;
  coExecutorsDue: IsoDate;
  extensionRequestDeadline: IsoDate;
}

/**
 * The dates that follow from a term (003 §80, §111, §117, §158, §159), also after a term was
 * extended. A date that would fall before the event is the event's day itself: a 2-working-day
 * telegram is reminded at once.
 */
export function deriveDates(input: DeriveDatesInput): DerivedTermDates {
  const { term, calendar, kind } = input;
  if (!isIsoDate(term)) throw invalidDate('term', term);
  const from = input.from ?? null;
  if (from !== null && !isIsoDate(from)) throw invalidDate('from', from);
  const opts = { ...DEFAULT_TERM_OPTIONS, ...input.options };
  const coDays = { ...DEFAULT_TERM_OPTIONS.coExecutorWorkingDays, ...input.options?.coExecutorWorkingDays };
  const before = (n: number): IsoDate => {
    const d = addWorkingDays(calendar, term, -n);
    return from !== null ? maxDate(from, d) : d;
  };
  return {
    reminder: before(opts.reminderWorkingDays),
    coExecutorsDue: before(coDays[kind]),
    extensionRequestDeadline: input.extensionRequestUntilTerm ? term : before(opts.extensionRequestWorkingDays),
  };
}

export function computeTerm(input: ComputeTermInput): TermResult {
  const { from, calendar } = input;
  const opts = { ...DEFAULT_TERM_OPTIONS, ...input.options };
  if (!isIsoDate(from)) throw invalidDate('from', from);
  const rule = lookupRule(input.rule, input.options?.rules);
  const explicit = input.explicitTerm ?? null;
  if (explicit !== null && !isIsoDate(explicit)) throw invalidDate('explicitTerm', explicit);
  if (explicit === null && rule.requiresExplicitTerm) throw explicitTermRequired(rule.id, rule.basis);
  if (explicit !== null && explicit < from) throw explicitTermBeforeEvent(explicit, from);

  const notes: string[] = [];
  let unadjustedTerm: IsoDate;
  let basis: string;
  if (explicit !== null) {
    unadjustedTerm = explicit;
    basis = `Строк, зазначений у документі або резолюції (має перевагу над правилом «${rule.id}»: ${rule.basis})`;
    notes.push(`Строк ${formatDateUk(explicit)} встановлено документом або резолюцією (Регламент виконкому (003), пп. 158, 166, 178, 195).`);
  } else {
    unadjustedTerm = rawTermEnd(calendar, from, rule.amount, rule.unit);
    basis = rule.basis;
    notes.push(
      `${describeAmount(rule)} ${rule.countsFrom} (${formatDateUk(from)}); відлік з наступного дня (ЦК України, ст. 253)` +
        (rule.unit === 'months' ? '; строк у місяцях спливає у відповідне число місяця або в його останній день (ЦК, ст. 254 ч. 2)' : '') +
        (rule.unit === 'working-days' ? '; неробочі дні не враховуються' : '') +
        `: ${formatDateUk(unadjustedTerm)}.`,
    );
  }

  const rolls = explicit !== null ? opts.rollExplicitTerm : isRolled(rule.unit);
  const { term, adjustment } = rolls
    ? rollToWorkingDay(calendar, unadjustedTerm, from, opts.roll)
    : { term: unadjustedTerm, adjustment: 'none' as const };
  if (adjustment !== 'none') {
    const off = calendar.dayOff(unadjustedTerm);
    notes.push(
      `Останній день ${formatDateUk(unadjustedTerm)} — неробочий (${off?.name ?? 'неробочий день'}); ` +
        `строк закінчується ${adjustment === 'next-working-day' ? 'наступного' : 'попереднього'} робочого дня ${formatDateUk(term)} (ЦК, ст. 254 ч. 5).`,
    );
  } else if (!rolls && !calendar.isWorkingDay(term)) {
    notes.push(`Строк у годинах не переноситься з неробочого дня ${formatDateUk(term)}.`);
  }

  const { reminder, coExecutorsDue, extensionRequestDeadline } = deriveDates({
    term, from, kind: rule.kind, calendar, options: input.options,
    extensionRequestUntilTerm: rule.extensionRequestUntilTerm === true && explicit === null,
  });

  return {
    rule: rule.id,
    title: rule.title,
    from,
    term,
    reminder,
    coExecutorsDue,
    extensionRequestDeadline,
    basis,
    notes,
    explicit: explicit !== null,
    amount: rule.amount,
    unit: rule.unit,
    kind: rule.kind,
    countsFrom: rule.countsFrom,
    unadjustedTerm,
    adjustment,
    calendar: calendar.name,
    calendarVersion: calendar.version,
  };
}
