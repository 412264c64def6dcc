/**
 * Default term rules, each with its legal source. Every rule can be overridden by a council
 * (amount, unit, source …) through `RuleOverrides`; a term written in the document or in the
 * resolution always wins over the rule (003 §158, §166, §178, §195).
 *
 * "003" is the executive-committee regulation (Регламент виконавчого комітету) the project was specified from.
 */

/** How a term is measured. Calendar days and months follow ЦК ст. 253-254; hours are not rolled. */
export type TermUnit = 'calendar-days' | 'working-days' | 'months' | 'hours';

/**
 * Appeals and documents differ in the derived dates: co-executors hand their part over 4 working
 * days before an appeal's term (003 §80, §111) and 3 before a document's (003 §159).
 */
export type TermKind = 'appeal' | 'document';

export interface TermRule {
  id: string;
  /** For staff, in Ukrainian. */
  title: string;
  amount: number;
  unit: TermUnit;
  kind: TermKind;
  /** The event the term counts from, in Ukrainian ("з дня надходження"). */
  countsFrom: string;
  /** Law article or regulation paragraph, in Ukrainian. */
  basis: string;
  /**
   * The act sets its own term and the law gives no default (a prosecutor's demand, order or
   * request): computing it without an explicit term is refused rather than guessed.
   */
  requiresExplicitTerm?: boolean;
  /**
   * 003 §158: for a document without a term the extension is asked "до закінчення 30-денного
   * строку", i.e. up to the term itself, not 3 working days before it.
   */
  extensionRequestUntilTerm?: boolean;
  /** Why the numbers are what they are, where the law is not plain (in Ukrainian). */
  note?: string;
}

const APPEALS_LAW = 'Закон України «Про звернення громадян»';
const INFO_LAW = 'Закон України «Про доступ до публічної інформації»';
const PROSECUTION_LAW_1991 = 'Закон України «Про прокуратуру» від 05.11.1991 № 1789-XII';
const PROSECUTION_LAW_2014 = 'Закон України «Про прокуратуру» від 14.10.2014 № 1697-VII';
const GENERAL_SUPERVISION_NOTE =
  'Загальний нагляд прокуратури (протест, подання, припис щодо актів органів місцевого самоврядування) ' +
  'передбачав Закон № 1789-XII (втратив чинність 15.07.2015, крім окремих норм); чинний Закон № 1697-VII ' +
  'таких актів загального нагляду не містить, а з 30.09.2016 (Закон № 1401-VIII про зміни до Конституції) ' +
  'функцію загального нагляду скасовано. Правило залишено для актів, що надходять під цією назвою; ' +
  'строк, зазначений в акті, має перевагу.';

export const DEFAULT_RULES: readonly TermRule[] = [
  {
    id: 'appeal',
    title: 'Звернення громадян: розгляд і вирішення',
    amount: 1,
    unit: 'months',
    kind: 'appeal',
    countsFrom: 'з дня надходження звернення',
    basis: `${APPEALS_LAW}, ст. 20 ч. 1; Регламент виконкому (003), п. 113`,
  },
  {
    id: 'appeal-no-study',
    title: 'Звернення, що не потребує додаткового вивчення',
    amount: 15,
    unit: 'calendar-days',
    kind: 'appeal',
    countsFrom: 'з дня отримання звернення',
    basis: `${APPEALS_LAW}, ст. 20 ч. 1 («невідкладно, але не пізніше п'ятнадцяти днів»); Регламент виконкому (003), п. 113`,
  },
  {
    id: 'appeal-cap',
    title: 'Граничний загальний строк розгляду звернення з продовженням',
    amount: 45,
    unit: 'calendar-days',
    kind: 'appeal',
    countsFrom: 'з дня надходження звернення',
    basis: `${APPEALS_LAW}, ст. 20 ч. 1 («загальний термін … не може перевищувати сорока п'яти днів»); Регламент виконкому (003), п. 113`,
  },
  {
    id: 'forwarding',
    title: 'Пересилання звернення за належністю',
    amount: 5,
    unit: 'calendar-days',
    kind: 'appeal',
    countsFrom: 'з дня надходження звернення',
    basis: `${APPEALS_LAW}, ст. 7 ч. 3 («в термін не більше п'яти днів»); Регламент виконкому (003), п. 107`,
    note: 'Закон встановлює 5 днів (календарних); п. 107 Регламенту (003) пише «5 робочих днів» — застосовано суворіший строк закону.',
  },
  {
    id: 'return-to-author',
    title: 'Повернення звернення, оформленого з порушенням ст. 5 Закону',
    amount: 10,
    unit: 'calendar-days',
    kind: 'appeal',
    countsFrom: 'з дня надходження звернення',
    basis: `${APPEALS_LAW}, ст. 5 («не пізніше як через десять днів від дня його надходження»); Регламент виконкому (003), п. 105`,
  },
  {
    id: 'info-request',
    title: 'Запит на публічну інформацію',
    amount: 5,
    unit: 'working-days',
    kind: 'document',
    countsFrom: 'з дня отримання запиту',
    basis: `${INFO_LAW}, ст. 20 ч. 1`,
  },
  {
    id: 'info-request-extended',
    title: 'Запит на публічну інформацію (великий обсяг, строк продовжено)',
    amount: 20,
    unit: 'working-days',
    kind: 'document',
    countsFrom: 'з дня отримання запиту',
    basis: `${INFO_LAW}, ст. 20 ч. 4`,
  },
  {
    id: 'info-request-urgent',
    title: 'Запит на інформацію для захисту життя чи свободи особи, про стан довкілля, аварії тощо',
    amount: 48,
    unit: 'hours',
    kind: 'document',
    countsFrom: 'з моменту отримання запиту',
    basis: `${INFO_LAW}, ст. 20 ч. 2`,
    note: 'Строк у годинах: не переноситься з неробочого дня; дата — день, на який припадає 48-ма година від дня отримання.',
  },
  {
    id: 'petition',
    title: 'Електронна петиція: розгляд',
    amount: 10,
    unit: 'working-days',
    kind: 'appeal',
    countsFrom: 'з дня оприлюднення інформації про початок розгляду петиції',
    basis: `${APPEALS_LAW}, ст. 23-1 («невідкладно, але не пізніше десяти робочих днів»); для органу місцевого самоврядування — з урахуванням статуту територіальної громади`,
  },
  {
    id: 'letter',
    title: 'Службовий лист із завданням',
    amount: 1,
    unit: 'months',
    kind: 'document',
    countsFrom: 'з дати реєстрації в управлінні з загальних питань',
    basis: 'Регламент виконкому (003), п. 178',
  },
  {
    id: 'higher-authority',
    title: 'Контрольний документ органу влади вищого рівня',
    amount: 1,
    unit: 'months',
    kind: 'document',
    countsFrom: 'з дати реєстрації в управлінні з загальних питань',
    basis: 'Регламент виконкому (003), п. 166 (якщо строк не визначено документом чи резолюцією)',
  },
  {
    id: 'document',
    title: 'Документ без зазначеного строку виконання',
    amount: 30,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дати реєстрації',
    basis: 'Регламент виконкому (003), п. 158; Типова інструкція з діловодства (постанова КМУ № 1242)',
    extensionRequestUntilTerm: true,
  },
  {
    id: 'urgent-telegram',
    title: 'Телеграма з позначкою «терміново»',
    amount: 2,
    unit: 'working-days',
    kind: 'document',
    countsFrom: 'з дати реєстрації',
    basis: 'Регламент виконкому (003), п. 158',
  },
  {
    id: 'telegram',
    title: 'Телеграма без позначки «терміново»',
    amount: 10,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дати реєстрації',
    basis: 'Регламент виконкому (003), п. 158 («решта – до 10-ти днів»)',
  },
  {
    id: 'committee-decision',
    title: 'Рішення виконавчого комітету (контроль виконання)',
    amount: 1,
    unit: 'months',
    kind: 'document',
    countsFrom: 'з дати розсилання документа управлінням з загальних питань',
    basis: 'Регламент виконкому (003), п. 195 (якщо в документі не визначено строк)',
  },
  {
    id: 'mayor-order',
    title: 'Розпорядження міського голови (контроль виконання)',
    amount: 1,
    unit: 'months',
    kind: 'document',
    countsFrom: 'з дати розсилання документа управлінням з загальних питань',
    basis: 'Регламент виконкому (003), п. 195 (якщо в документі не визначено строк)',
  },
  {
    id: 'prosecutor-protest',
    title: 'Протест прокурора',
    amount: 10,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дня надходження протесту',
    basis: `${PROSECUTION_LAW_1991}, ст. 21 ч. 2 (розгляд у десятиденний строк, про наслідки повідомляється прокурору); Регламент виконкому (003), п. 184`,
    note: GENERAL_SUPERVISION_NOTE,
  },
  {
    id: 'prosecutor-submission',
    title: 'Подання прокурора',
    amount: 1,
    unit: 'months',
    kind: 'document',
    countsFrom: 'з дня надходження подання',
    basis: `${PROSECUTION_LAW_1991}, ст. 23 (невідкладний розгляд, заходи і повідомлення прокурору не пізніше місячного строку); Регламент виконкому (003), п. 184`,
    note: GENERAL_SUPERVISION_NOTE,
  },
  {
    id: 'prosecutor-order',
    title: 'Припис прокурора',
    amount: 0,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дня надходження припису',
    basis: `${PROSECUTION_LAW_1991}, ст. 22 (припис підлягає негайному виконанню, про що повідомляється прокурору; строк — зазначений у приписі); Регламент виконкому (003), п. 184`,
    requiresExplicitTerm: true,
    note: GENERAL_SUPERVISION_NOTE,
  },
  {
    id: 'prosecutor-demand',
    title: 'Вимога прокурора',
    amount: 0,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дня надходження вимоги',
    basis: `${PROSECUTION_LAW_1991}, ст. 8, ст. 20 (вимоги виконуються невідкладно або у визначений прокурором строк); Регламент виконкому (003), п. 184`,
    requiresExplicitTerm: true,
    note: GENERAL_SUPERVISION_NOTE,
  },
  {
    id: 'prosecutor-request',
    title: 'Запит прокурора (витребування документів для представництва інтересів держави в суді)',
    amount: 0,
    unit: 'calendar-days',
    kind: 'document',
    countsFrom: 'з дня надходження запиту',
    basis: `${PROSECUTION_LAW_2014}, ст. 23 ч. 4; Регламент виконкому (003), п. 184`,
    requiresExplicitTerm: true,
    note: 'Строк — зазначений у запиті прокурора; загального строку за замовчуванням закон не визначає.',
  },
];

/** What a council may change in a rule; an override for an unknown id adds a rule (all fields then required). */
export type RuleOverride = Partial<Omit<TermRule, 'id'>>;
export type RuleOverrides = Readonly<Record<string, RuleOverride>>;

export class RuleConfigError extends Error {
  constructor(readonly ruleId: string, readonly problem: string) {
    super(`term rule ${ruleId}: ${problem}`);
    this.name = 'RuleConfigError';
  }
}

const UNITS: readonly TermUnit[] = ['calendar-days', 'working-days', 'months', 'hours'];

function validateRule(rule: TermRule): TermRule {
  if (!/^[a-z][a-z0-9-]*$/.test(rule.id)) throw new RuleConfigError(rule.id, 'id must be lower-case words joined by "-"');
  if (!UNITS.includes(rule.unit)) throw new RuleConfigError(rule.id, `unit must be one of ${UNITS.join(', ')}`);
  if (rule.kind !== 'appeal' && rule.kind !== 'document') throw new RuleConfigError(rule.id, 'kind must be appeal or document');
  if (!Number.isInteger(rule.amount) || rule.amount < 0) throw new RuleConfigError(rule.id, 'amount must be a whole number ≥ 0');
  if (rule.amount === 0 && !rule.requiresExplicitTerm) throw new RuleConfigError(rule.id, 'amount 0 needs requiresExplicitTerm');
  if (rule.unit === 'hours' && rule.amount % 24 !== 0) throw new RuleConfigError(rule.id, 'hours must be whole days (24, 48, …): dates carry no time');
  for (const key of ['title', 'basis', 'countsFrom'] as const) {
    if (typeof rule[key] !== 'string' || !rule[key].trim()) throw new RuleConfigError(rule.id, `${key} must be a non-empty string`);
  }
  return rule;
}

/** The default rules with a council's overrides applied, keyed by id. */
export function resolveRules(overrides: RuleOverrides = {}): ReadonlyMap<string, TermRule> {
  const rules = new Map<string, TermRule>(DEFAULT_RULES.map((r) => [r.id, r]));
  for (const [id, change] of Object.entries(overrides)) {
    const base = rules.get(id);
    const merged = { ...(base ?? {}), ...change, id } as TermRule;
    rules.set(id, validateRule(merged));
  }
  return rules;
}

/** Every rule (defaults with overrides), in the order they are listed for staff. */
export function listRules(overrides: RuleOverrides = {}): TermRule[] {
  return [...resolveRules(overrides).values()];
}
