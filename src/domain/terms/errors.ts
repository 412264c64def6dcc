/** A term cannot be computed as asked: the code for integrators, the Ukrainian text for staff. */
export class TermError extends Error {
  constructor(
    readonly code: TermErrorCode,
    message: string,
    readonly messageUk: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'TermError';
  }
}

export type TermErrorCode = 'UNKNOWN_RULE' | 'EXPLICIT_TERM_REQUIRED' | 'EXPLICIT_TERM_BEFORE_EVENT' | 'INVALID_DATE';

export function unknownRule(rule: string, known: string[]): TermError {
  return new TermError(
    'UNKNOWN_RULE',
    `unknown term rule "${rule}" (known: ${known.join(', ')})`,
    `Невідоме правило строку «${rule}». Доступні: ${known.join(', ')}`,
    { rule, known },
  );
}

export function explicitTermRequired(rule: string, basis: string): TermError {
  return new TermError(
    'EXPLICIT_TERM_REQUIRED',
    `rule "${rule}" has no default term: give the term written in the act (${basis})`,
    `Для правила «${rule}» строк за замовчуванням не встановлено: зазначте строк з самого акта (${basis})`,
    { rule, basis },
  );
}

export function explicitTermBeforeEvent(explicitTerm: string, from: string): TermError {
  return new TermError(
    'EXPLICIT_TERM_BEFORE_EVENT',
    `explicit term ${explicitTerm} is before the event date ${from}`,
    `Строк ${explicitTerm}, зазначений у документі чи резолюції, раніший за дату події ${from}`,
    { explicitTerm, from },
  );
}

export function invalidDate(field: string, value: unknown): TermError {
  return new TermError(
    'INVALID_DATE',
    `${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    `${field}: потрібна дата у форматі РРРР-ММ-ДД, отримано ${JSON.stringify(value)}`,
    { field, value },
  );
}
