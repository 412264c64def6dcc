import type { DocumentKind } from '../../src/schemas';
import documentKindSchema from '../../schemas/document-kind.schema.json';
import configSchema from './config.schema.json';
import { envConfig, parse } from '../env-config';
import { projectPath } from '../../src/paths';

export const CONFIG_SCHEMA_FILE = projectPath('connectors', 'sev-ovv', 'config.schema.json');

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
  /** Working days an outgoing message may wait for its first receipt (issue 18). */
  receiptWaitWorkingDays: number;
}

const config = envConfig<SevOvvConfig>({
  schema: configSchema,
  refs: [documentKindSchema],
  anyVariable: 'SEV_OVV_*',
  parsers: {
    orgId: parse.text,
    orgName: parse.text,
    sysId: parse.text,
    systemName: parse.text,
    allowedSenders: (raw) => (raw.trim() === '*' ? '*' : parse.list(raw)),
    higherAuthorities: parse.list,
    kindByPurposeType: parse.json,
    kindByDocumentKind: parse.json,
    replyKind: parse.text,
    defaultKind: parse.text,
    maxAttachmentBytes: parse.integer,
    receiptWaitWorkingDays: parse.integer,
  },
});

/** SEV_OVV_* variable of each property, as written in config.schema.json (x-env). */
export const ENV_VARIABLES = config.variables;

/**
 * Reads the connector's settings from SEV_OVV_* variables, applies the schema's defaults and
 * checks them; a problem is a ConfigError naming the variable (English / Ukrainian).
 */
export function loadSevOvvConfig(env: Record<string, string | undefined> = process.env): SevOvvConfig {
  return config.load(env);
}
