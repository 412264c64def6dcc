/**
 * Commands from the EDMS (issue 11, "In"), for both doors (HTTP and AMQP `edms.command`): the
 * action's own permission, the card version it was based on, the same rules and log as a person
 * acting in the hub; a refusal announced as `control.command-refused`. And `runOnce`, which keeps
 * an Idempotency-Key (AMQP: message_id) with the first answer it got.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/audit';
import type { ControlCard } from '../domain/control';
import { HubError, isTransient } from '../errors';
import { can, identityError, type Permission, type Principal } from '../identity';
import type { ControlCommand } from '../schemas';
import type { Db } from '../store';
import * as store from '../store/control';
import { answerKey, claimKey, releaseKey } from '../store/idempotency';
import type { ControlAction, ControlService } from './service';

/** Who may take each action: executors act on their own cards, controllers decide (003 §118, §158-160). */
export const ACTION_PERMISSIONS: Readonly<Record<ControlAction, Permission>> = {
  'extension-request': 'control:execute',
  'extension-decision': 'control:decide',
  'interim-answer': 'control:execute',
  execution: 'control:execute',
  release: 'control:decide',
};

export interface CommandInput {
  cardId: string;
  command: ControlCommand;
  by: Principal;
  expectedVersion?: number;
  /** Which refusals go out as events: 'rules' (HTTP: the caller has its answer too), 'all' (AMQP: the event is the answer). */
  announce: 'rules' | 'all';
  /** The command's idempotency key, named in its refusal so the EDMS knows which of its actions it was. */
  key?: string;
}

export async function executeCommand(control: ControlService, db: Db, c: CommandInput): Promise<ControlCard> {
  try {
    if (!can(c.by, ACTION_PERMISSIONS[c.command.command])) {
      throw identityError('PERMISSION_DENIED', { permission: ACTION_PERMISSIONS[c.command.command], roles: c.by.roles });
    }
    const card = await store.getCard(db, c.cardId);
    if (!card) throw HubError.of('NOT_FOUND', { cardId: c.cardId });
    return await control.act(card.documentId, card.id, c.command.command, c.command.body, c.by, c.expectedVersion);
  } catch (err) {
    const byRule = err instanceof HubError && !!(err.details as { basis?: unknown } | undefined)?.basis;
    if (err instanceof HubError && !err.transient && (byRule || c.announce === 'all')) await control.commandRefused(c.cardId, c.command.command, err, c.by, c.key);
    throw err;
  }
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request a key stands for: its parts (method, path, If-Match) and the body's canonical JSON. */
export function requestHash(parts: string[], body: unknown): string {
  return createHash('sha256').update(`${parts.join(' ')} ${canonicalJson(body ?? null)}`).digest('hex');
}

/**
 * Runs `run` once per key (the IETF draft «The Idempotency-Key HTTP Header Field»): the first
 * answer, success or refusal, is kept and a repeat of the same request gets it again; the same key
 * with another request is 422; a repeat while the first is still running is 409. A transient
 * failure keeps nothing, so the retry runs for real.
 */
export async function runOnce(
  db: Db, scope: string, key: string, hash: string, run: () => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown; replay: boolean }> {
  if (!KEY.test(key)) throw HubError.of('INVALID_IDEMPOTENCY_KEY');
  const kept = await claimKey(db, scope, key, hash);
  if (kept.state === 'reused') throw HubError.of('IDEMPOTENCY_KEY_REUSED', { key });
  if (kept.state === 'in-flight') throw HubError.of('IDEMPOTENCY_IN_PROGRESS', { key });
  if (kept.state === 'answered') return { status: kept.status, body: kept.response, replay: true };
  let out: { status: number; body: unknown };
  try {
    out = await run();
  } catch (err) {
    if (!(err instanceof HubError) || isTransient(err) || err.status >= 500) {
      await releaseKey(db, scope, key).catch(() => undefined);
      throw err;
    }
    out = { status: err.status, body: err.toBody() };
  }
  await answerKey(db, scope, key, out.status, out.body);
  return { ...out, replay: false };
}

/** `If-Match: "7"` (or `7`, `W/"7"`): the card version a command was based on; absent: undefined. */
export function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!m) throw HubError.of('INVALID_IF_MATCH', { ifMatch: raw });
  return Number(m[1]);
}
