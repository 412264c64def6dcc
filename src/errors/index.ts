import { ERROR_CATALOG, ErrorCode, ErrorSpec } from './catalog';

export { ERROR_CATALOG, ErrorCode };
export type { ErrorSpec };

/** The body of every error answer (schemas/error.schema.json). */
export interface ErrorBody {
  code: string;
  message: string;
  messageUk: string;
  details?: unknown;
  quarantineId?: string;
}

/** A known failure with a stable code. Anything else thrown is a bug or an outage. */
export class HubError extends Error {
  constructor(
    readonly code: string,
    readonly spec: ErrorSpec,
    readonly details?: unknown,
  ) {
    super(spec.message);
    this.name = 'HubError';
  }

  static of(code: ErrorCode | string, details?: unknown): HubError {
    const spec = (ERROR_CATALOG as Record<string, ErrorSpec>)[code];
    if (!spec) throw new Error(`unknown error code ${code}`);
    return new HubError(code, spec, details);
  }

  get status(): number {
    return this.spec.status;
  }

  get transient(): boolean {
    return this.spec.transient === true;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.spec.message, messageUk: this.spec.messageUk };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/**
 * A module's own errors (appeals, information requests, petitions, identity, connectors): each
 * keeps its specs beside its rules and gets one factory for its codes from here.
 */
export function errorFamily<C extends string>(specs: Readonly<Record<C, ErrorSpec>>): (code: C, details?: unknown) => HubError {
  return (code, details) => new HubError(code, { ...specs[code] }, details);
}

/** Network-level and server-shutdown failures of PostgreSQL: worth retrying, never quarantining. */
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isTransient(err: unknown): boolean {
  if (err instanceof HubError) return err.transient;
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_NODE_CODES.has(code)) return true;
    // SQLSTATE class 08 connection exception, 57P0x operator intervention / shutdown,
    // 53xxx insufficient resources, 40001/40P01 serialization failure / deadlock.
    // 57014: the statement timeout cancelled it.
    if (/^(08|57P0|53)/.test(code) || code === '40001' || code === '40P01' || code === '57014') return true;
  }
  const message = (err as { message?: unknown }).message;
  // pg-pool's "timeout exceeded when trying to connect" and pg's query_timeout ("Query read timeout"):
  // a stalled database, as transient as a refused one (issue 14: they were taken for bugs).
  return typeof message === 'string' && /Connection terminated|connection (is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout/i.test(message);
}
