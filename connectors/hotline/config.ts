import { ConfigError } from '../../src/config';
import { DEFAULT_CLASSIFIER, isKnownTopic } from '../../src/domain/appeals';
import configSchema from './config.schema.json';
import { envConfig, parse } from '../env-config';
import { projectPath } from '../../src/paths';

export const CONFIG_SCHEMA_FILE = projectPath('connectors', 'hotline', 'config.schema.json');

/** The connector's settings (config.schema.json); each comes from a HOTLINE_* variable. */
export interface HotlineConfig {
  orgId: string;
  ukcDestination: string;
  oblastDestination: string;
  oblastCentreName: string;
  topicBySubjectCode: Record<string, string>;
}

const config = envConfig<HotlineConfig>({
  schema: configSchema,
  anyVariable: 'HOTLINE_*',
  elementWord: 'entry',
  parsers: {
    orgId: parse.text,
    ukcDestination: parse.text,
    oblastDestination: parse.text,
    oblastCentreName: parse.text,
    topicBySubjectCode: parse.json,
  },
});

/** HOTLINE_* variable of each property, as written in config.schema.json (x-env). */
export const ENV_VARIABLES = config.variables;

/** A topic the classifier does not know would send every such card to quarantine (APPEAL_CARD_INVALID). */
function checkTopics(settings: HotlineConfig): void {
  const unknown = Object.entries(settings.topicBySubjectCode).filter(([, code]) => !isKnownTopic(DEFAULT_CLASSIFIER, code));
  if (unknown.length) {
    const list = unknown.map(([subject, code]) => `${subject} → ${code}`).join(', ');
    throw new ConfigError(ENV_VARIABLES.topicBySubjectCode, `codes not in the appeals classifier: ${list}`, `кодів немає в класифікаторі звернень: ${list}`);
  }
}

/**
 * Reads HOTLINE_* variables, applies the schema's defaults and checks them; a problem is a
 * ConfigError naming the variable (English / Ukrainian), missing variables first.
 */
export function loadHotlineConfig(env: Record<string, string | undefined> = process.env): HotlineConfig {
  const loaded = config.load(env);
  checkTopics(loaded);
  return loaded;
}
