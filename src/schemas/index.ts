import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../errors';
import { messageUk } from './messages-uk';
import { projectPath } from '../paths';

export * from './generated';

const SCHEMAS_DIR = projectPath('schemas');
const ID_PREFIX = 'https://dilovod.local/schemas/';

export interface SchemaFile {
  /** The file name in schemas/, e.g. `document-card.schema.json`. */
  file: string;
  /** As parsed; shared, never to be mutated (ajv validates with it, src/contract publishes it). */
  schema: Readonly<Record<string, unknown>>;
}

/** Every schema in schemas/, read once, in file-name order. */
const SCHEMA_FILES: readonly SchemaFile[] = readdirSync(SCHEMAS_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()
  .map((file) => ({ file, schema: JSON.parse(readFileSync(join(SCHEMAS_DIR, file), 'utf8')) as Record<string, unknown> }));

export function schemaFiles(): readonly SchemaFile[] {
  return SCHEMA_FILES;
}

/** One ajv instance, every schema in schemas/ added once; validators compiled lazily, once each. */
const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true, coerceTypes: false });
addFormats(ajv);
// ajv-formats' full mode checks the calendar (2026-02-30 fails); years are 0001-9999 as well, since
// ISO 8601's year 0000 passes it and PostgreSQL refuses it (issue 14: a 500 from a body's date).
for (const name of ['date', 'date-time'] as const) {
  const full = fullFormats[name] as { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined };
  ajv.addFormat(name, { type: 'string', validate: (s: string) => !s.startsWith('0000') && full.validate(s), compare: full.compare });
}
for (const { schema } of SCHEMA_FILES) ajv.addSchema(schema as Record<string, unknown>);

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let fn = compiled.get(schemaFile);
  if (!fn) {
    fn = ajv.getSchema(ID_PREFIX + schemaFile);
    if (!fn) throw new Error(`schema not found: ${schemaFile}`);
    compiled.set(schemaFile, fn);
  }
  return fn;
}

export interface SchemaViolation {
  path: string;
  message: string;
  /** The same in Ukrainian, for the people who read it (messages-uk.ts). */
  messageUk: string;
}

function describe(errors: ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: e.keyword === 'additionalProperties'
      ? `unknown property ${(e.params as { additionalProperty: string }).additionalProperty}`
      : e.message ?? e.keyword,
    messageUk: messageUk(e),
  }));
}

/** Violations of schemas/<schemaFile>, empty when valid. Applies schema defaults in place. */
export function violations(schemaFile: string, data: unknown): SchemaViolation[] {
  const fn = validatorFor(schemaFile);
  return fn(data) ? [] : describe(fn.errors);
}

/** Validates or throws HubError INVALID_<what> (400) naming every violation. */
export function assertValid<T>(schemaFile: string, data: unknown, code = 'VALIDATION_FAILED'): T {
  const found = violations(schemaFile, data);
  if (found.length) throw HubError.of(code, { violations: found });
  return data as T;
}
