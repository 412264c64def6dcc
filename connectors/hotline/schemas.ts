/** The connector's own message schemas (card in, status out), compiled once. */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { messageUk } from '../../src/schemas/messages-uk';
import type { HotlineCard } from './card';
import cardSchema from './card.schema.json';
import type { HotlineStatus } from './outbound';
import statusSchema from './status.schema.json';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

export const validateCard = ajv.compile<HotlineCard>(cardSchema);
export const validateStatus = ajv.compile<HotlineStatus>(statusSchema);

/** As every violation the hub reports (src/schemas SchemaViolation): the clerk reads messageUk. */
export interface Violation {
  path: string;
  message: string;
  messageUk: string;
}

/** Paths and rules only, never the values: a card's values are personal data (messages-uk.ts names rules, not values). */
export function violationsOf(errors: ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath || '/';
    const uk = messageUk(e);
    const params = e.params as { additionalProperty?: string; allowedValues?: unknown[]; allowedValue?: unknown };
    if (e.keyword === 'additionalProperties') return { path, message: `unknown property ${params.additionalProperty}`, messageUk: uk };
    if (e.keyword === 'enum') return { path, message: `must be one of ${params.allowedValues?.join(', ')}`, messageUk: uk };
    if (e.keyword === 'const') return { path, message: `must be ${JSON.stringify(params.allowedValue)}`, messageUk: uk };
    return { path, message: e.message ?? e.keyword, messageUk: uk };
  });
}
