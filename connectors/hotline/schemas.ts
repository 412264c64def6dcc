/** The connector's own message schemas (card in, status out), compiled once. */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { HotlineCard } from './card';
import cardSchema from './card.schema.json';
import type { HotlineStatus } from './outbound';
import statusSchema from './status.schema.json';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

export const validateCard = ajv.compile<HotlineCard>(cardSchema);
export const validateStatus = ajv.compile<HotlineStatus>(statusSchema);

export interface Violation {
  path: string;
  message: string;
}

/** Paths and rules only, never the values: a card's values are personal data. */
export function violationsOf(errors: ErrorObject[] | null | undefined): Violation[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath || '/';
    const params = e.params as { additionalProperty?: string; allowedValues?: unknown[]; allowedValue?: unknown };
    if (e.keyword === 'additionalProperties') return { path, message: `unknown property ${params.additionalProperty}` };
    if (e.keyword === 'enum') return { path, message: `must be one of ${params.allowedValues?.join(', ')}` };
    if (e.keyword === 'const') return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    return { path, message: e.message ?? e.keyword };
  });
}
