import type { ErrorObject } from 'ajv';

import { plural } from '../domain/plural-uk';

/** «1 символ», «2 символи», «5 символів» (the hub's one plural helper). */
function count(n: number, one: string, few: string, many: string): string {
  return plural(n, { one, few, many });
}

const FORMATS: Record<string, string> = {
  date: 'дата у форматі РРРР-ММ-ДД', 'date-time': 'дата й час за ISO 8601', email: 'адреса електронної пошти', uri: 'адреса (URI)', uuid: 'ідентифікатор UUID',
};

const TYPES: Record<string, string> = {
  string: 'рядок', number: 'число', integer: 'ціле число', boolean: 'true або false', object: "об'єкт", array: 'масив', null: 'null',
};

/**
 * The schema violation in Ukrainian, for the people who read errors (clerks, operators): ajv's
 * messages are English only, and ajv-i18n has no Ukrainian. Every keyword the schemas in
 * schemas/ use has its sentence; anything else falls back to ajv's own.
 */
export function messageUk(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `бракує обов'язкового поля «${String(p.missingProperty)}»`;
    case 'additionalProperties': return `невідоме поле «${String(p.additionalProperty)}»`;
    case 'type': return `має бути ${String(p.type).split(',').map((t) => TYPES[t] ?? t).join(' або ')}`;
    case 'maxLength': return `має бути не довше за ${count(Number(p.limit), 'символ', 'символи', 'символів')}`;
    case 'minLength': return Number(p.limit) === 1 ? 'не може бути порожнім' : `має бути не коротше за ${count(Number(p.limit), 'символ', 'символи', 'символів')}`;
    case 'maximum': return `має бути не більше ${String(p.limit)}`;
    case 'minimum': return `має бути не менше ${String(p.limit)}`;
    case 'exclusiveMaximum': return `має бути менше ${String(p.limit)}`;
    case 'exclusiveMinimum': return `має бути більше ${String(p.limit)}`;
    case 'maxItems': return `має містити не більше ${count(Number(p.limit), 'елемента', 'елементів', 'елементів')}`;
    case 'minItems': return `має містити щонайменше ${count(Number(p.limit), 'елемент', 'елементи', 'елементів')}`;
    case 'uniqueItems': return `елементи не повинні повторюватися (однакові: ${String(p.j)} і ${String(p.i)})`;
    case 'enum': return `має бути одним із: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const': return `має дорівнювати ${JSON.stringify(p.allowedValue)}`;
    case 'format': return `має бути ${FORMATS[String(p.format)] ?? `у форматі ${String(p.format)}`}`;
    case 'pattern': return 'має невідповідний вигляд';
    case 'oneOf': case 'anyOf': return 'не відповідає жодному з допустимих варіантів';
    // if/then: a field required for some kinds only (document-submission: summary, Law «Про звернення громадян» art. 5).
    case 'if': return `не відповідає вимогам, що діють для цього виду документа (${String(p.failingKeyword)})`;
    default: return e.message ?? e.keyword;
  }
}
