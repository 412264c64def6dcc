import { HubError, isTransient } from '../errors';
import { identityError } from '../identity/errors';
import { assertValid, DocumentCard, DocumentSubmission } from '../schemas';
import { outbox, quarantine } from '../store';
import type { PipelineDeps } from './context';
import { senderOf } from './decoders';
import { decodeInput } from '../workers';
import type { Envelope } from './envelope';
import { inputDigest } from './input-digest';
import { applyOwnMessage, ownMessageOf, type AppliedMessage } from './own-messages';
import { registerSubmission } from './register';

export type IntakeResult =
  | { status: 'created' | 'duplicate'; card: DocumentCard }
  /** A connector's own message (a СЕВ ОВВ receipt or addition) applied to what is on file, not registered. */
  | { status: 'applied'; applied: AppliedMessage }
  | { status: 'rejected'; error: HubError; quarantineId: string };

/** Fills what the door knows when the body leaves it out (AMQP message_id, routing-key source). */
function applyEnvelopeDefaults(body: unknown, env: Envelope): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const obj = body as Record<string, unknown>;
  if (obj.externalId === undefined && env.messageId) obj.externalId = env.messageId;
  if (obj.source === undefined && env.sourceHint) obj.source = env.sourceHint;
  return obj;
}

function peek(body: unknown, key: string): string | null {
  if (body && typeof body === 'object' && typeof (body as Record<string, unknown>)[key] === 'string') {
    return (body as Record<string, string>)[key] as string;
  }
  return null;
}

/** A token (or broker user) bound to sources submits for those alone (README, Security). */
function assertSourceAllowed(env: Envelope, source: string): void {
  if (env.allowedSources && !env.allowedSources.includes(source)) {
    throw identityError('SOURCE_NOT_ALLOWED', { source, allowedSources: env.allowedSources, ...(env.channel === 'amqp' ? { userId: env.publishedBy ?? null } : {}) });
  }
}

/**
 * The one entry of the pipeline for every door. Decodes, validates and registers (or applies a
 * connector's own message: src/pipeline/own-messages.ts); a permanent
 * failure is kept in quarantine with its reason and returned as 'rejected' (never thrown), so a
 * door can answer or ack. Transient failures (database down) are thrown for the door to retry.
 * Anything unexpected is treated as permanent after the caller's retries: see `quarantineFailure`.
 */
export async function acceptInput(deps: PipelineDeps, env: Envelope, opts: { quarantine?: boolean } = {}): Promise<IntakeResult> {
  let body: unknown;
  const stopTimer = deps.metrics?.registrationSeconds.startTimer({ channel: env.channel });
  const count = (outcome: string, source: string | null, code = '') => deps.metrics?.inputs.inc({ channel: env.channel, source: source ?? 'unknown', outcome, code });
  try {
    body = applyEnvelopeDefaults(await decodeInput(env), env);
    // The decoder (on a worker for a large input) tells a connector's own message from a document:
    // one place decides, whichever door it came in by (issue 18).
    const own = ownMessageOf(env.format, body);
    if (own) {
      assertSourceAllowed(env, own.source);
      const applied = await applyOwnMessage(deps, env, own);
      count(applied.changed ? 'applied' : 'repeat', own.source);
      return { status: 'applied', applied };
    }
    const digest = await inputDigest(env, body);
    const sub = assertValid<DocumentSubmission>('document-submission.schema.json', body);
    assertSourceAllowed(env, sub.source);
    const { outcome, card } = await registerSubmission(deps, sub, env.traceId, digest);
    if (outcome === 'created') stopTimer?.();
    count(outcome === 'created' ? 'registered' : 'repeat', sub.source);
    deps.log.info(
      { traceId: env.traceId, channel: env.channel, documentId: card.id, outcome, index: card.registration?.index, status: card.status },
      outcome === 'created' ? 'документ прийнято / document accepted' : 'повторна доставка: документ уже є / repeat delivery: document already on file',
    );
    return { status: outcome, card };
  } catch (err) {
    if (!(err instanceof HubError) || isTransient(err) || opts.quarantine === false) throw err;
    count('quarantined', peek(body, 'source') ?? env.sourceHint ?? null, err.code);
    return quarantineFailure(deps, env, err, body);
  }
}

/**
 * Records a rejected input; also used by doors for errors they give up retrying. If the format's
 * connector can name the sender (src/pipeline/decoders.ts senderOf), the first refusal of these
 * bytes is announced as input.refused in the same transaction, for the connector to tell the
 * sender (issue 18; СЕВ ОВВ: ack_type 4). A transient failure never gets here.
 */
export async function quarantineFailure(deps: PipelineDeps, env: Envelope, error: HubError, body?: unknown): Promise<IntakeResult> {
  const source = peek(body, 'source') ?? env.sourceHint ?? null;
  const sender = senderOf(env.format, env.payload);
  const item = {
    code: error.code,
    reason: error.spec.message,
    reasonUk: error.spec.messageUk,
    details: error.details,
    channel: env.channel,
    source: sender?.source ?? source,
    externalId: peek(body, 'externalId') ?? sender?.externalId ?? env.messageId ?? null,
    routingKey: env.routingKey ?? null,
    messageId: env.messageId ?? null,
    contentType: env.contentType ?? null,
    format: env.format,
    payload: env.payload,
    receivedAt: env.receivedAt,
  };
  const quarantineId = await deps.db.tx(async (q) => {
    const kept = await quarantine.keepInQuarantine(q, item);
    if (sender && kept.first) {
      const documentId = (error.details as { documentId?: unknown } | undefined)?.documentId;
      await outbox.appendInputRefused(q, {
        source: sender.source,
        externalId: sender.externalId,
        at: deps.clock.now(),
        data: {
          quarantineId: kept.id, code: error.code, reason: error.spec.message, reasonUk: error.spec.messageUk,
          ...(error.details !== undefined ? { details: error.details } : {}),
          channel: env.channel, format: env.format, receivedAt: env.receivedAt.toISOString(),
          ...(typeof documentId === 'string' ? { documentId } : {}),
          ...(sender.asks ? { senderAsks: sender.asks } : {}),
        },
      });
    }
    return kept.id;
  });
  if (sender) deps.onEventsCommitted?.();
  deps.log.warn({ traceId: env.traceId, channel: env.channel, code: error.code, quarantineId }, 'вхідне відхилено в карантин / input rejected to quarantine');
  return { status: 'rejected', error, quarantineId };
}
