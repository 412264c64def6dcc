import Ajv, { type ErrorObject } from 'ajv';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import type { DocumentKind } from '../../src/schemas';
import documentKindSchema from '../../schemas/document-kind.schema.json';
import configSchema from './config.schema.json';

export const CONFIG_SCHEMA_FILE = join(__dirname, 'config.schema.json');

/** The connector's settings (config.schema.json); each comes from a SEV_OVV_* variable. */
export interface SevOvvConfig {
  /** Our organisation's ЄДРПОУ as СЕВ ОВВ knows it (to_org_id of what we receive). */
  orgId: string;
  orgName: string;
  /** Our system id issued by the СЕВ ОВВ operator. */
  sysId: string;
  systemName: string;
  allowedSenders: '*' | string[];
  higherAuthorities: string[];
  kindByPurposeType: Record<string, DocumentKind>;
  kindByDocumentKind: Record<string, DocumentKind>;
  replyKind: DocumentKind;
  defaultKind: DocumentKind;
  maxAttachmentBytes: number;
}

type Env = Record<string, string | undefined>;
type Parse = (raw: string) => unknown;

const list: Parse = (raw) => raw.split(',').map((s) => s.trim()).filter(Boolean);
const text: Parse = (raw) => raw.trim();

/** How each variable's text becomes the property's value; the schema checks the result. */
const PARSERS: Record<keyof SevOvvConfig, Parse> = {
  orgId: text,
  orgName: text,
  sysId: text,
  systemName: text,
  allowedSenders: (raw) => (raw.trim() === '*' ? '*' : list(raw)),
  higherAuthorities: list,
  kindByPurposeType: JSON.parse,
  kindByDocumentKind: JSON.parse,
  replyKind: text,
  defaultKind: text,
  maxAttachmentBytes: (raw) => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : raw),
};

type SchemaProperty = { 'x-env': string };
const PROPERTIES = configSchema.properties as unknown as Record<keyof SevOvvConfig, SchemaProperty>;

/** SEV_OVV_* variable of each property, as written in config.schema.json (x-env). */
export const ENV_VARIABLES = Object.fromEntries(
  Object.entries(PROPERTIES).map(([prop, schema]) => [prop, schema['x-env']]),
) as Record<keyof SevOvvConfig, string>;

const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true });
ajv.addKeyword({ keyword: 'x-env', schemaType: 'string' });
ajv.addSchema(documentKindSchema);
const validate = ajv.compile<SevOvvConfig>(configSchema);

function variableOf(err: ErrorObject): string {
  const prop = err.keyword === 'required'
    ? (err.params as { missingProperty: string }).missingProperty
    : err.instancePath.split('/')[1] ?? '';
  return ENV_VARIABLES[prop as keyof SevOvvConfig] ?? 'SEV_OVV_*';
}

function describe(err: ErrorObject): { en: string; uk: string } {
  if (err.keyword === 'required') return { en: 'is required but not set', uk: 'обов’язкову змінну не задано' };
  const where = err.instancePath.split('/').slice(2).join('/');
  const what = err.keyword === 'enum'
    ? `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
    : err.message ?? err.keyword;
  const en = `${where ? `item ${where}: ` : ''}${what}`;
  return { en, uk: `некоректне значення (${en})` };
}

/** oneOf/const say little ("must be equal to constant") when a branch has a precise error. */
const VAGUE = new Set(['oneOf', 'const', 'propertyNames']);

/**
 * Reads the connector's settings from SEV_OVV_* variables, applies the schema's defaults and
 * checks them; a problem is a ConfigError naming the variable (English / Ukrainian).
 */
export function loadSevOvvConfig(env: Env = process.env): SevOvvConfig {
  const data: Record<string, unknown> = {};
  for (const [prop, variable] of Object.entries(ENV_VARIABLES)) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') continue;
    try {
      data[prop] = PARSERS[prop as keyof SevOvvConfig](raw);
    } catch (err) {
      throw new ConfigError(variable, `is not valid JSON: ${(err as Error).message}`, 'не є коректним JSON');
    }
  }
  if (!validate(data)) {
    // Report missing variables first: they are the usual first-run problem.
    const errors = [...(validate.errors ?? [])].sort((a, b) => Number(b.keyword === 'required') - Number(a.keyword === 'required'));
    const first = errors[0] as ErrorObject;
    const variable = variableOf(first);
    const same = errors.filter((e) => variableOf(e) === variable);
    const precise = same.filter((e) => !VAGUE.has(e.keyword));
    const shown = (precise.length ? precise : same).map(describe);
    throw new ConfigError(variable, shown.map((d) => d.en).join('; '), shown.map((d) => d.uk).join('; '));
  }
  return data as unknown as SevOvvConfig;
}
