import Ajv from 'ajv';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import configSchema from './config.schema.json';

export const CONFIG_SCHEMA_FILE = join(__dirname, 'config.schema.json');

/** The connector's settings (config.schema.json); each comes from the variable in its x-env. */
export interface EPetitionsConfig {
  threshold: number;
  collectionDays: number;
}

type Property = keyof EPetitionsConfig;
const PROPERTIES = configSchema.properties as unknown as Record<Property, { 'x-env': string }>;

export const ENV_VARIABLES = Object.fromEntries(Object.entries(PROPERTIES).map(([p, s]) => [p, s['x-env']])) as Record<Property, string>;

const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true });
ajv.addKeyword({ keyword: 'x-env', schemaType: 'string' });
const validate = ajv.compile<EPetitionsConfig>(configSchema);

/** Reads PETITION_* variables, applies the schema's defaults; a bad value is a ConfigError naming its variable. */
export function loadEPetitionsConfig(env: Record<string, string | undefined> = process.env): EPetitionsConfig {
  const data: Record<string, unknown> = {};
  for (const [prop, variable] of Object.entries(ENV_VARIABLES)) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    data[prop] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  if (!validate(data)) {
    const err = validate.errors![0]!;
    const variable = ENV_VARIABLES[err.instancePath.slice(1) as Property] ?? 'PETITION_*';
    const what = err.message ?? err.keyword;
    throw new ConfigError(variable, what, `некоректне значення (${what})`);
  }
  return data as unknown as EPetitionsConfig;
}
