/**
 * Small helpers for the operation map (operations.ts): references to schemas/ files written the way
 * the schema files write them (`{ $ref: 'x.schema.json' }`, rewritten for the document by
 * components.ts), and the HTTP envelopes around them (a page, a list) that exist only on the wire.
 */
import type { JsonSchema } from './components';

/** A schema of schemas/ by its file's stem: ref('document-card') → document-card.schema.json. */
export const ref = (stem: string): JsonSchema => ({ $ref: `${stem}.schema.json` });

/** `{ items, nextCursor }`: a keyset page; nextCursor is null on the last page. */
export const page = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: item },
    nextCursor: { type: ['string', 'null'], description: 'Pass as ?cursor= (or ?since=) for the next page; null on the last page.' },
  },
});

/** `{ items }`: everything there is, in one answer. */
export const list = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: item } },
});

/** An object with exactly these properties, all required. */
export const exact = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
  ...(description ? { description } : {}),
});

export const str: JsonSchema = { type: 'string' };
export const date: JsonSchema = { type: 'string', format: 'date' };
export const int: JsonSchema = { type: 'integer', minimum: 0 };
