import { HubError, type ErrorSpec } from '../errors';

/**
 * How a job's outcome crosses from a worker thread: a value, or a HubError as its code, spec and
 * details (a module's own codes are not in the catalog, so the spec travels too). Anything else a
 * job throws is a bug and arrives as a plain Error with its message.
 */
export type Wired<T> = { ok: true; value: T } | { ok: false; error: { code: string; spec: ErrorSpec; details?: unknown } } | { ok: false; bug: string };

export async function wire<T>(job: () => T | Promise<T>): Promise<Wired<T>> {
  try {
    return { ok: true, value: await job() };
  } catch (err) {
    if (err instanceof HubError) return { ok: false, error: { code: err.code, spec: { ...err.spec }, details: err.details } };
    return { ok: false, bug: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

export function unwire<T>(outcome: Wired<T>): T {
  if (outcome.ok) return outcome.value;
  if ('error' in outcome) throw new HubError(outcome.error.code, outcome.error.spec, outcome.error.details);
  throw new Error(`worker job failed: ${outcome.bug}`);
}
