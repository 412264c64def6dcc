import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { OidcConfig } from '../identity/oidc';
import { isRole } from '../identity/roles';
import { violations } from '../schemas';
import { DEFAULT_WORKER_SETTINGS, type WorkerSettings } from '../workers/pool';

/**
 * Settings from the environment, checked once at start-up. A bad value stops the hub with a
 * message that names the variable (in English and Ukrainian), before anything is opened.
 */
export interface Config {
  port: number;
  /** The interface to listen on: 127.0.0.1 unless HOST says otherwise (secure by default). */
  host: string;
  /** Express `trust proxy`: whom to believe for the client's address (X-Forwarded-For); none by default. */
  trustProxy?: string;
  /** The people's identity provider (OIDC bearer JWTs); absent: API tokens only. */
  oidc?: OidcConfig;
  /** Which sources each broker user may publish (AMQP user_id, vouched for by RabbitMQ); '*' = any. */
  amqpPublishers: Record<string, string[] | '*'>;
  /** Where the first start writes the administrator token (mode 0600). */
  adminTokenFile: string;
  /** SIGTERM: how long to finish what is in flight before the process ends anyway. */
  shutdownTimeoutMs: number;
  /** Start-up: how long to wait for DATABASE_URL to answer, with back-off, before exiting 69. */
  databaseWaitMs: number;
  /** PostgreSQL: the longest wait for a connection, and for a query's answer; past them the failure is transient (503, retried). */
  databaseConnectTimeoutMs: number;
  databaseQueryTimeoutMs: number;
  /** Webhooks to the EDMS (connectors/edms): how often to look, one attempt's limit, how many at once, a rotated secret's grace. */
  webhooks: { intervalMs: number; timeoutMs: number; concurrency: number; secretGraceHours: number; retryBaseMs: number };
  /** Subscriptions kept from the environment (WEBHOOK_SUBSCRIPTIONS), with their secrets. */
  webhookSubscriptions: ConfiguredSubscription[];
  dataDir: string;
  /** The hub's runtime connection; with DATABASE_MIGRATION_URL an unprivileged role (it may only append to the control log). */
  databaseUrl?: string;
  /** The tables' owner, for migrations only (src/store/roles.ts); absent: DATABASE_URL migrates and owns. */
  databaseMigrationUrl?: string;
  /** Signed checkpoints of the control log (src/audit/checkpoints); absent: none are made (tests). */
  auditCheckpoints?: {
    /** Ed25519 private key (PEM), created on the first start with mode 0600: never in the database. */
    keyFile: string;
    /** JSON Lines the hub appends every checkpoint to, for the auditor to archive. */
    file: string;
    /**
     * AUDIT_CHECKPOINT_PUBLIC_KEYS: the trusted keys (PEM files, each one key or several), the
     * same list on every hub and at the auditor's: each hub's key, keys before a rotation. When
     * set, exactly these are believed (a hub whose own key is not listed signs nothing); empty:
     * the hub's own key alone (src/audit/checkpoints trustedKeys).
     */
    publicKeyFiles: string[];
    intervalMs: number;
  };
  amqpUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load the shipped sample nomenclature when the year has none (default: only on embedded). */
  sampleNomenclature: boolean;
  registryRoutingFile?: string;
  amqpPrefetch: number;
  /**
   * The type of the queues the hub declares (dilovod.inbound, the dead-letter and delivery queues):
   * `classic` on one broker, `quorum` on a RabbitMQ cluster, where a quorum queue is replicated and
   * survives a node's loss. Fixed when a queue is first declared: switching needs the queues moved.
   */
  amqpQueueType: 'classic' | 'quorum';
  relayIntervalMs: number;
  schedulerIntervalMs: number;
  /** Working-day calendar: law-in-force picks peacetime or martial law by date (Law 2136-IX). */
  calendar: 'law-in-force' | 'peacetime' | 'martial-law';
  /** A term ending on a day off moves to the next working day (Civil Code art. 254), or the previous. */
  termRoll: 'next' | 'previous';
  calendarOverrideFile?: string;
  /** Qualified e-signature trust (КЕП): anchor files and directories of qualified providers, CRLs. */
  trustFiles: string[];
  trustDirs: string[];
  crlFiles: string[];
  crlDirs: string[];
  /** Which signatures each kind and source needs (default reference-data/signature-policy.json). */
  signaturePolicyFile?: string;
  /** if-available: a certificate without a CRL is reported unchecked; require: it is TRY_LATER. */
  signatureRevocation: 'if-available' | 'require';
  /** Worker threads for signature verification and large inputs (src/workers): how many, one input's budget, what stays inline. */
  workers: WorkerSettings;
  /** Connectors whose outbound mapping this process delivers to dilovod.outbound (names; none by default). */
  deliverConnectors: string[];
}

export interface ConfiguredSubscription {
  url: string;
  events: string[];
  sources?: string[];
  secret: string;
}

/**
 * A setting that stops start-up. The message names the variable in a Ukrainian sentence first
 * (the council's IT person reads it), then in English (what one searches for), as the other
 * start-up failures do.
 */
export class ConfigError extends Error {
  /** PORT: має бути цілим числом від 0 до 65535, отримано «eighty» */
  readonly messageUk: string;
  /** PORT: must be an integer from 0 to 65535, got "eighty" */
  readonly messageEn: string;
  constructor(readonly variable: string, readonly problem: string, readonly problemUk: string) {
    super(`${variable}: ${problemUk} / ${variable}: ${problem}`);
    this.messageUk = `${variable}: ${problemUk}`;
    this.messageEn = `${variable}: ${problem}`;
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`, `має бути цілим числом від ${min} до ${max}, отримано «${raw}»`);
  }
  return n;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL', 'не є коректною URL-адресою');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}`, `має починатися з ${protocols.join(' або ')}`);
  }
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`, `має бути true або false, отримано «${raw}»`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${raw}"`, `має бути одним із ${values.join(', ')}, отримано «${raw}»`);
  }
  return raw as T;
}

/** Comma-separated paths, each of which must exist as a file (or a directory). */
function paths(env: Env, name: string, want: 'file' | 'directory'): string[] {
  const list = (env[name] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const path of list) {
    let info;
    try {
      info = statSync(path);
    } catch {
      throw new ConfigError(name, `${path} does not exist or cannot be read`, `${path} не існує або недоступний`);
    }
    if (want === 'file' ? !info.isFile() : !info.isDirectory()) {
      throw new ConfigError(name, `${path} is not a ${want}`, `${path} не є ${want === 'file' ? 'файлом' : 'каталогом'}`);
    }
  }
  return list;
}

/** A comma-separated list of lower-case names (connector names): checked against the known ones by the hub. */
function names(env: Env, name: string): string[] {
  const list = (env[name] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const bad = list.find((n) => !/^[a-z0-9-]+$/.test(n));
  if (bad !== undefined) throw new ConfigError(name, `"${bad}" is not a connector name`, `«${bad}» не є назвою конектора`);
  return [...new Set(list)];
}

function jsonOf(env: Env, name: string): unknown {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ConfigError(name, 'is not valid JSON', 'не є коректним JSON');
  }
}

const ALLOWED_JWT_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** OIDC_*: the council's identity provider. Only asymmetric algorithms: an HMAC key would be a shared secret (RFC 8725 §3.1). */
function oidc(env: Env): OidcConfig | undefined {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  if (!issuer) return undefined;
  const audience = env.OIDC_AUDIENCE?.trim();
  if (!audience) throw new ConfigError('OIDC_AUDIENCE', 'is required with OIDC_ISSUER (the client id the tokens are issued for)', "обов'язкова разом з OIDC_ISSUER (ідентифікатор клієнта, для якого видано токени)");
  const algorithms = (env.OIDC_ALGORITHMS || 'RS256,PS256,ES256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean);
  const badAlg = algorithms.find((a) => !ALLOWED_JWT_ALGS.includes(a));
  if (badAlg) throw new ConfigError('OIDC_ALGORITHMS', `"${badAlg}" is not allowed; use ${ALLOWED_JWT_ALGS.join(', ')}`, `«${badAlg}» не дозволено; допустимі ${ALLOWED_JWT_ALGS.join(', ')}`);
  const map = jsonOf(env, 'OIDC_ROLE_MAP');
  let roleMap: Record<string, string[]> | undefined;
  if (map !== undefined) {
    const ok = map && typeof map === 'object' && !Array.isArray(map) &&
      Object.values(map).every((v) => Array.isArray(v) && v.every((r) => typeof r === 'string' && isRole(r)));
    if (!ok) throw new ConfigError('OIDC_ROLE_MAP', 'must be {"provider role": ["hub role", …]} with hub roles only', 'має бути {"роль провайдера": ["роль хаба", …]} лише з ролями хаба');
    roleMap = map as Record<string, string[]>;
  }
  return {
    issuer,
    audience,
    jwksUrl: url(env, 'OIDC_JWKS_URL', ['https:', 'http:']),
    rolesClaim: env.OIDC_ROLES_CLAIM || 'roles',
    roleMap,
    staffClaim: env.OIDC_STAFF_CLAIM || 'preferred_username',
    nameClaim: env.OIDC_NAME_CLAIM || 'name',
    clockToleranceSeconds: integer(env, 'OIDC_CLOCK_TOLERANCE_S', 60, 0, 600),
    algorithms,
    ...(env.OIDC_WEB_CLIENT_ID?.trim() ? { webClientId: env.OIDC_WEB_CLIENT_ID.trim(), webScope: env.OIDC_WEB_SCOPE?.trim() || 'openid profile' } : {}),
  };
}

/** AMQP_PUBLISHERS: {"broker user": ["source", …] | "*"}; by default the hub's own broker user may publish any source. */
function publishers(env: Env, amqpUrl: string | undefined): Record<string, string[] | '*'> {
  const given = jsonOf(env, 'AMQP_PUBLISHERS');
  if (given === undefined) {
    const user = amqpUrl ? decodeURIComponent(new URL(amqpUrl).username) || 'guest' : 'guest';
    return { [user]: '*' };
  }
  const ok = given && typeof given === 'object' && !Array.isArray(given) &&
    Object.values(given).every((v) => v === '*' || (Array.isArray(v) && v.every((s) => typeof s === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(s))));
  if (!ok) throw new ConfigError('AMQP_PUBLISHERS', 'must be {"broker user": ["source", …] or "*"}', 'має бути {"користувач брокера": ["джерело", …] або "*"}');
  return given as Record<string, string[] | '*'>;
}

/** WEBHOOK_SUBSCRIPTIONS: [{ url, events, sources?, secret: "whsec_…" }], each as schemas/subscription-create plus its secret. */
function configuredSubscriptions(env: Env): ConfiguredSubscription[] {
  const given = jsonOf(env, 'WEBHOOK_SUBSCRIPTIONS');
  if (given === undefined) return [];
  const bad = (why: string, whyUk: string) => new ConfigError('WEBHOOK_SUBSCRIPTIONS', why, whyUk);
  if (!Array.isArray(given)) throw bad('must be a JSON array of subscriptions', 'має бути масивом підписок у JSON');
  return given.map((item, i) => {
    const { secret, ...rest } = (item ?? {}) as Record<string, unknown>;
    const found = violations('subscription-create.schema.json', rest);
    if (found.length) throw bad(`item ${i}: ${found.map((v) => `${v.path} ${v.message}`).join('; ')}`, `елемент ${i}: ${found.map((v) => `${v.path} ${v.messageUk}`).join('; ')}`);
    if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/.test(secret)) {
      throw bad(`item ${i}: secret must be whsec_ and at least 24 bytes of base64`, `елемент ${i}: secret має бути whsec_ і щонайменше 24 байти в base64`);
    }
    return { ...(rest as unknown as Omit<ConfiguredSubscription, 'secret'>), secret };
  });
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel'];
  if (!LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LEVELS.join(', ')}`, `має бути одним із ${LEVELS.join(', ')}`);
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseMigrationUrl = url(env, 'DATABASE_MIGRATION_URL', ['postgres:', 'postgresql:']);
  if (databaseMigrationUrl && !databaseUrl) {
    throw new ConfigError('DATABASE_MIGRATION_URL', 'needs DATABASE_URL (the runtime role); the embedded database has one user', 'потребує DATABASE_URL (роль для роботи хаба); вбудована база має одного користувача');
  }
  const amqpUrl = url(env, 'AMQP_URL', ['amqp:', 'amqps:']);
  const dataDir = env.DATA_DIR || './data';
  const host = env.HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.:%-]+$/.test(host)) throw new ConfigError('HOST', `"${host}" is not an interface address`, `«${host}» не є адресою інтерфейсу`);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host,
    trustProxy: env.TRUST_PROXY || undefined,
    oidc: oidc(env),
    amqpPublishers: publishers(env, amqpUrl),
    adminTokenFile: env.ADMIN_TOKEN_FILE || join(dataDir, 'admin-token'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 15_000, 1000, 300_000),
    databaseWaitMs: integer(env, 'DATABASE_WAIT_MS', 60_000, 0, 3_600_000),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 120_000),
    databaseQueryTimeoutMs: integer(env, 'DATABASE_QUERY_TIMEOUT_MS', 30_000, 100, 3_600_000),
    webhooks: {
      intervalMs: integer(env, 'WEBHOOK_INTERVAL_MS', 1000, 50, 60_000),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      concurrency: integer(env, 'WEBHOOK_CONCURRENCY', 8, 1, 256),
      secretGraceHours: integer(env, 'WEBHOOK_SECRET_GRACE_HOURS', 24, 0, 720),
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    },
    webhookSubscriptions: configuredSubscriptions(env),
    dataDir,
    databaseUrl,
    databaseMigrationUrl,
    auditCheckpoints: {
      keyFile: env.AUDIT_CHECKPOINT_KEY_FILE || join(dataDir, 'audit-checkpoint.key'),
      file: env.AUDIT_CHECKPOINT_FILE || join(dataDir, 'audit-checkpoints.jsonl'),
      publicKeyFiles: paths(env, 'AUDIT_CHECKPOINT_PUBLIC_KEYS', 'file'),
      intervalMs: integer(env, 'AUDIT_CHECKPOINT_INTERVAL_MS', 300_000, 1000, 86_400_000),
    },
    amqpUrl,
    logLevel,
    sampleNomenclature: bool(env, 'SAMPLE_NOMENCLATURE', !databaseUrl),
    registryRoutingFile: env.REGISTRY_ROUTING_FILE || undefined,
    amqpPrefetch: integer(env, 'AMQP_PREFETCH', 16, 1, 1000),
    amqpQueueType: oneOf(env, 'AMQP_QUEUE_TYPE', ['classic', 'quorum'] as const, 'classic'),
    relayIntervalMs: integer(env, 'RELAY_INTERVAL_MS', 500, 10, 60000),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_MS', 60_000, 50, 86_400_000),
    calendar: oneOf(env, 'CALENDAR', ['law-in-force', 'peacetime', 'martial-law'] as const, 'law-in-force'),
    termRoll: oneOf(env, 'TERM_ROLL', ['next', 'previous'] as const, 'next'),
    calendarOverrideFile: env.CALENDAR_FILE || undefined,
    trustFiles: paths(env, 'TRUST_FILES', 'file'),
    trustDirs: paths(env, 'TRUST_DIRS', 'directory'),
    crlFiles: paths(env, 'CRL_FILES', 'file'),
    crlDirs: paths(env, 'CRL_DIRS', 'directory'),
    signaturePolicyFile: env.SIGNATURE_POLICY_FILE || undefined,
    signatureRevocation: oneOf(env, 'SIGNATURE_REVOCATION', ['if-available', 'require'] as const, 'if-available'),
    workers: {
      threads: integer(env, 'WORKER_THREADS', DEFAULT_WORKER_SETTINGS.threads, 1, 256),
      taskTimeoutMs: integer(env, 'WORKER_TASK_TIMEOUT_MS', DEFAULT_WORKER_SETTINGS.taskTimeoutMs, 100, 600_000),
      memoryMb: integer(env, 'WORKER_MEMORY_MB', DEFAULT_WORKER_SETTINGS.memoryMb, 32, 16_384),
      inlineBytes: integer(env, 'WORKER_INLINE_BYTES', DEFAULT_WORKER_SETTINGS.inlineBytes, 0, 1_073_741_824),
    },
    deliverConnectors: names(env, 'DELIVER_CONNECTORS'),
  };
}

/** The settings as the administrator may see them (GET /api/v1/config): passwords in URLs replaced by ***. */
export function redactedConfig(config: Config): Config {
  const hide = (raw: string | undefined): string | undefined => {
    if (!raw) return raw;
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  };
  return { ...config, databaseUrl: hide(config.databaseUrl), databaseMigrationUrl: hide(config.databaseMigrationUrl), amqpUrl: hide(config.amqpUrl) };
}
