import Ajv, { type AnySchema, type ErrorObject } from 'ajv';
import { ConfigError } from '../src/config';
import { messageUk } from '../src/schemas/messages-uk';

/** How a variable's text becomes the property's value; the schema checks the result. */
export type Parse = (raw: string) => unknown;

export const parse = {
  text: ((raw) => raw.trim()) as Parse,
  list: ((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean)) as Parse,
  json: ((raw) => JSON.parse(raw)) as Parse,
  /** Digits become a number; anything else is left for the schema to refuse. */
  integer: ((raw) => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : raw)) as Parse,
};

export interface EnvConfigSpec<T> {
  /** The connector's config.schema.json: each property names its variable in `x-env`. */
  schema: { properties: object };
  parsers: Record<keyof T, Parse>;
  /** Named when an error points at no one property (e.g. `SEV_OVV_*`). */
  anyVariable: string;
  /** Schemas the config schema refers to. */
  refs?: AnySchema[];
  /** What an error inside a list or map calls its element ("item 3: …"). */
  elementWord?: string;
}

export interface EnvConfig<T> {
  /** The variable of each property, as written in the schema's x-env. */
  variables: Record<keyof T, string>;
  /** Reads the variables, applies the schema's defaults and checks them; throws ConfigError naming the variable. */
  load(env?: Record<string, string | undefined>): T;
}

/** oneOf/const say little ("must be equal to constant") when a branch has a precise error. */
const VAGUE = new Set(['oneOf', 'const', 'propertyNames']);

/**
 * A connector's settings from the environment, one shape for every connector: each property of
 * config.schema.json comes from the variable in its `x-env`, parsed, then checked by the schema
 * (defaults applied); a problem stops start-up with a ConfigError naming the variable in English
 * and Ukrainian, missing variables first (the usual first-run problem).
 */
export function envConfig<T>(spec: EnvConfigSpec<T>): EnvConfig<T> {
  const properties = spec.schema.properties as Record<keyof T, { 'x-env': string }>;
  const variables = Object.fromEntries(Object.entries(properties).map(([p, s]) => [p, (s as { 'x-env': string })['x-env']])) as Record<keyof T, string>;
  const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true });
  ajv.addKeyword({ keyword: 'x-env', schemaType: 'string' });
  for (const ref of spec.refs ?? []) ajv.addSchema(ref);
  const validate = ajv.compile<T>(spec.schema);
  const element = spec.elementWord ?? 'item';

  const variableOf = (err: ErrorObject): string => {
    const prop = err.keyword === 'required' ? (err.params as { missingProperty: string }).missingProperty : err.instancePath.split('/')[1] ?? '';
    return variables[prop as keyof T] ?? spec.anyVariable;
  };
  const describe = (err: ErrorObject): { en: string; uk: string } => {
    if (err.keyword === 'required') return { en: 'is required but not set', uk: 'обов’язкову змінну не задано' };
    const where = err.instancePath.split('/').slice(2).join('/');
    const what = err.keyword === 'enum'
      ? `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
      : err.message ?? err.keyword;
    // The same schema rule in Ukrainian (messages-uk.ts), not the English wrapped in a Ukrainian word.
    return { en: `${where ? `${element} ${where}: ` : ''}${what}`, uk: `${where ? `елемент ${where}: ` : ''}${messageUk(err)}` };
  };

  return {
    variables,
    load(env = process.env) {
      const data: Record<string, unknown> = {};
      for (const [prop, variable] of Object.entries(variables) as Array<[keyof T & string, string]>) {
        const raw = env[variable];
        if (raw === undefined || raw.trim() === '') continue;
        try {
          data[prop] = spec.parsers[prop](raw);
        } catch (err) {
          throw new ConfigError(variable, `is not valid JSON: ${(err as Error).message}`, 'не є коректним JSON');
        }
      }
      if (!validate(data)) {
        const errors = [...(validate.errors ?? [])].sort((a, b) => Number(b.keyword === 'required') - Number(a.keyword === 'required'));
        const variable = variableOf(errors[0] as ErrorObject);
        const same = errors.filter((e) => variableOf(e) === variable);
        const precise = same.filter((e) => !VAGUE.has(e.keyword));
        const shown = (precise.length ? precise : same).map(describe);
        throw new ConfigError(variable, shown.map((d) => d.en).join('; '), shown.map((d) => d.uk).join('; '));
      }
      return data as T;
    },
  };
}
