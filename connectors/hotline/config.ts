import Ajv, { type ErrorObject } from 'ajv';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import { DEFAULT_CLASSIFIER, isKnownTopic } from '../../src/domain/appeals';
import configSchema from './config.schema.json';

export const CONFIG_SCHEMA_FILE = join(__dirname, 'config.schema.json');

/** The connector's settings (config.schema.json); each comes from a HOTLINE_* variable. */
export interface HotlineConfig {
  orgId: string;
  ukcDestination: string;
  oblastDestination: string;
  oblastCentreName: string;
  topicBySubjectCode: Record<string, string>;
}

type Prop = keyof HotlineConfig;
type Env = Record<string, string | undefined>;

const PROPERTIES = configSchema.properties as unknown as Record<Prop, { 'x-env': string }>;

/** HOTLINE_* variable of each property, as written in config.schema.json (x-env). */
export const ENV_VARIABLES = Object.fromEntries(Object.entries(PROPERTIES).map(([p, s]) => [p, s['x-env']])) as Record<Prop, string>;

/** Only the topic map is JSON; the rest is text. */
const JSON_PROPS = new Set<Prop>(['topicBySubjectCode']);

const ajv = new Ajv({ allErrors: true, strict: true, useDefaults: true });
ajv.addKeyword({ keyword: 'x-env', schemaType: 'string' });
const validate = ajv.compile<HotlineConfig>(configSchema);

function propOf(err: ErrorObject): Prop {
  const prop = err.keyword === 'required' ? (err.params as { missingProperty: string }).missingProperty : err.instancePath.split('/')[1];
  return prop as Prop;
}

function problemOf(err: ErrorObject): { en: string; uk: string } {
  if (err.keyword === 'required') return { en: 'is required but not set', uk: 'обов’язкову змінну не задано' };
  const item = err.instancePath.split('/').slice(2).join('/');
  const en = `${item ? `entry ${item}: ` : ''}${err.message ?? err.keyword}`;
  return { en, uk: `некоректне значення (${en})` };
}

/** A topic the classifier does not know would send every such card to quarantine (APPEAL_CARD_INVALID). */
function checkTopics(config: HotlineConfig): void {
  const unknown = Object.entries(config.topicBySubjectCode).filter(([, code]) => !isKnownTopic(DEFAULT_CLASSIFIER, code));
  if (unknown.length) {
    const list = unknown.map(([subject, code]) => `${subject} → ${code}`).join(', ');
    throw new ConfigError(ENV_VARIABLES.topicBySubjectCode, `codes not in the appeals classifier: ${list}`, `кодів немає в класифікаторі звернень: ${list}`);
  }
}

/**
 * Reads HOTLINE_* variables, applies the schema's defaults and checks them; a problem is a
 * ConfigError naming the variable (English / Ukrainian), missing variables first.
 */
export function loadHotlineConfig(env: Env = process.env): HotlineConfig {
  const data: Record<string, unknown> = {};
  for (const [prop, variable] of Object.entries(ENV_VARIABLES) as [Prop, string][]) {
    const raw = env[variable]?.trim();
    if (!raw) continue;
    try {
      data[prop] = JSON_PROPS.has(prop) ? JSON.parse(raw) : raw;
    } catch {
      throw new ConfigError(variable, 'is not valid JSON', 'не є коректним JSON');
    }
  }
  if (!validate(data)) {
    const errors = [...(validate.errors ?? [])].sort((a, b) => Number(b.keyword === 'required') - Number(a.keyword === 'required'));
    const prop = propOf(errors[0] as ErrorObject);
    const shown = errors.filter((e) => propOf(e) === prop).map(problemOf);
    throw new ConfigError(ENV_VARIABLES[prop] ?? 'HOTLINE_*', shown.map((p) => p.en).join('; '), shown.map((p) => p.uk).join('; '));
  }
  checkTopics(data);
  return data;
}
