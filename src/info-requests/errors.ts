/**
 * The errors of the public-information requests wiring: each a HubError with a stable code, both
 * languages and, where a rule of the Law is broken, its basis (the rules are in
 * src/domain/info-requests/errors.ts; here they become 409/422).
 */
import { InfoRequestRuleError } from '../domain/info-requests';
import { HubError, errorFamily } from '../errors';

const SPECS = {
  NOT_AN_INFO_REQUEST: {
    status: 409,
    message: 'The document is not a public-information request',
    messageUk: 'Документ не є запитом на публічну інформацію',
  },
  INFO_REQUEST_NOT_REGISTERED: {
    status: 409,
    message: 'The request is not registered in the journal of information requests',
    messageUk: 'Запит не зареєстровано в журналі запитів на інформацію',
  },
  INFO_REQUEST_EXTENSION_INVALID: {
    status: 400,
    message: 'The extension does not match schemas/info-request-extension.schema.json',
    messageUk: 'Продовження строку не відповідає схемі info-request-extension',
  },
  INFO_REQUEST_ANSWER_INVALID: {
    status: 400,
    message: 'The answer does not match schemas/info-request-answer.schema.json',
    messageUk: 'Відповідь не відповідає схемі info-request-answer',
  },
  INFO_REQUEST_ANSWER_REQUIRED: {
    status: 409,
    message: 'Record the answer to the request (POST …/info-request/answer) before executing its control card',
    messageUk: 'Спершу зазначте відповідь на запит (POST …/info-request/answer), потім знімайте картку з виконання',
  },
} as const;

export type InfoRequestErrorCode = keyof typeof SPECS;

export const infoRequestError = errorFamily<InfoRequestErrorCode>(SPECS);

/** A broken rule of the Law becomes 409 (the request's state forbids it) or 422 (the dates or fields do). */
export function asHubError(err: unknown): unknown {
  if (!(err instanceof InfoRequestRuleError)) return err;
  const status = err.kind === 'conflict' ? 409 : 422;
  return new HubError(err.code, { status, message: err.message, messageUk: err.messageUk }, { basis: err.basis, ...err.details });
}
