import configSchema from './config.schema.json';
import { envConfig, parse } from '../env-config';
import { projectPath } from '../../src/paths';

export const CONFIG_SCHEMA_FILE = projectPath('connectors', 'e-petitions', 'config.schema.json');

/** The connector's settings (config.schema.json); each comes from the variable in its x-env. */
export interface EPetitionsConfig {
  threshold: number;
  collectionDays: number;
}

const config = envConfig<EPetitionsConfig>({
  schema: configSchema,
  anyVariable: 'PETITION_*',
  parsers: { threshold: parse.integer, collectionDays: parse.integer },
});

export const ENV_VARIABLES = config.variables;

/** Reads PETITION_* variables, applies the schema's defaults; a bad value is a ConfigError naming its variable. */
export function loadEPetitionsConfig(env: Record<string, string | undefined> = process.env): EPetitionsConfig {
  return config.load(env);
}
