/**
 * A rule of the Law «Про доступ до публічної інформації» (№ 2939-VI) refuses the action: the
 * stable code for integrators, the Ukrainian text for staff, the article it rests on. The HTTP
 * edge (src/info-requests/errors.ts) turns `conflict` into 409 and `invalid` into 422.
 */
export const INFO_LAW = 'Закон «Про доступ до публічної інформації»';

type Spec = readonly [message: string, messageUk: string, basis: string, kind: 'conflict' | 'invalid'];

export const INFO_REQUEST_RULES = {
  INFO_REQUEST_URGENT_NOT_EXTENDABLE: [
    'An urgent request (48 hours) cannot be extended',
    'Строк розгляду термінового запиту (48 годин) не продовжується',
    `${INFO_LAW}, ст. 20 ч. 2, 4`,
    'conflict',
  ],
  INFO_REQUEST_EXTENSION_TOO_LATE: [
    'The term can be extended only within 5 working days of receipt, while the requester can still be told in time',
    'Продовжити строк можна лише протягом п’яти робочих днів з дня отримання запиту: у цей строк запитувача письмово повідомляють про продовження',
    `${INFO_LAW}, ст. 20 ч. 4`,
    'conflict',
  ],
  INFO_REQUEST_ALREADY_EXTENDED: [
    'The term has already been extended to 20 working days',
    'Строк розгляду запиту вже продовжено до 20 робочих днів',
    `${INFO_LAW}, ст. 20 ч. 4`,
    'conflict',
  ],
  INFO_REQUEST_ALREADY_ANSWERED: [
    'The request has already been answered',
    'На запит уже надано відповідь',
    `${INFO_LAW}, ст. 20`,
    'conflict',
  ],
  INFO_REQUEST_DATE_BEFORE_RECEIPT: [
    'The date is before the request was received',
    'Дата раніша за дату отримання запиту',
    `${INFO_LAW}, ст. 20 ч. 1`,
    'invalid',
  ],
  INFO_REQUEST_DATE_IN_FUTURE: [
    'The date is later than today',
    'Дата пізніша за сьогоднішню',
    `${INFO_LAW}, ст. 20`,
    'invalid',
  ],
  INFO_REQUEST_REFUSAL_INCOMPLETE: [
    'A refusal (or a partial one) gives its ground under art. 22 part 1, the motives and how to appeal it',
    'Відмова (зокрема часткова) має містити підставу за ч. 1 ст. 22, мотиви відмови та порядок її оскарження',
    `${INFO_LAW}, ст. 22 ч. 1, 4`,
    'invalid',
  ],
  INFO_REQUEST_FORWARD_TARGET_MISSING: [
    'A forwarded request names the holder of the information it was sent to',
    'Для направленого запиту потрібно зазначити розпорядника інформації, якому його направлено',
    `${INFO_LAW}, ст. 22 ч. 3`,
    'invalid',
  ],
} as const satisfies Record<string, Spec>;

export type InfoRequestRuleCode = keyof typeof INFO_REQUEST_RULES;

export class InfoRequestRuleError extends Error {
  constructor(
    readonly code: InfoRequestRuleCode,
    readonly details: Record<string, unknown> = {},
  ) {
    const [message] = INFO_REQUEST_RULES[code];
    super(message);
    this.name = 'InfoRequestRuleError';
  }

  get messageUk(): string {
    return INFO_REQUEST_RULES[this.code][1];
  }

  get basis(): string {
    return INFO_REQUEST_RULES[this.code][2];
  }

  get kind(): 'conflict' | 'invalid' {
    return INFO_REQUEST_RULES[this.code][3];
  }
}

export function infoRequestRule(code: InfoRequestRuleCode, details?: Record<string, unknown>): InfoRequestRuleError {
  return new InfoRequestRuleError(code, details);
}
