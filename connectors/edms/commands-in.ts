/**
 * Commands from the EDMS over AMQP: routing key `<source>.command` on dilovod.inbound (e.g.
 * `edms.command`), body per schemas/control-command.schema.json, `message_id` the idempotency
 * key, headers `on-behalf-of` (the EDMS user's staff id) and `if-match` (the card version). The
 * broker user (`user_id`, vouched for by RabbitMQ) must be allowed the source by AMQP_PUBLISHERS;
 * the person must be in the staff directory, and acts with their directory roles. There is no
 * answer on the wire: success is the card's own event, any refusal is `control.command-refused`.
 */
import { executeCommand, parseIfMatch, requestHash, runOnce } from '../../src/control/commands';
import type { ControlService } from '../../src/control';
import { HubError } from '../../src/errors';
import { getPerson, identityError, isRole, makePrincipal } from '../../src/identity';
import type { Envelope } from '../../src/pipeline';
import { parseJson } from '../../src/pipeline/strict-json';
import { violations, type ControlCommand } from '../../src/schemas';
import type { Db } from '../../src/store';

export interface AmqpCommand {
  envelope: Envelope;
  headers: Record<string, unknown>;
}

const header = (h: Record<string, unknown>, name: string): string | undefined => {
  const v = h[name];
  return typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
};

/** Runs one command message; a HubError it throws is permanent (the consumer quarantines it), anything else is retried. */
export function amqpCommandHandler(control: ControlService, db: Db): (c: AmqpCommand) => Promise<void> {
  return async ({ envelope: env, headers }) => {
    const source = env.sourceHint ?? '';
    if (env.allowedSources && !env.allowedSources.includes(source)) {
      throw identityError('SOURCE_NOT_ALLOWED', { source, allowedSources: env.allowedSources, userId: env.publishedBy ?? null });
    }
    if (!env.messageId) throw HubError.of('VALIDATION_FAILED', { violations: [{ path: 'message_id', message: 'a command needs message_id (its idempotency key)', messageUk: 'команді потрібен message_id (її ключ ідемпотентності)' }] });
    // Strict decoding (src/pipeline/strict-json.ts): INVALID_JSON, INVALID_ENCODING, NUL_CHARACTER … with their codes.
    const body: unknown = parseJson(env.payload);
    const found = violations('control-command.schema.json', body);
    if (found.length) throw HubError.of('VALIDATION_FAILED', { violations: found });
    const cardId = header(headers, 'card-id');
    if (!cardId || !/^[0-9a-f-]{36}$/i.test(cardId)) throw HubError.of('VALIDATION_FAILED', { violations: [{ path: 'headers/card-id', message: 'the card the command is for', messageUk: 'картка, до якої належить команда' }] });
    const staffId = header(headers, 'on-behalf-of');
    const person = staffId ? await getPerson(db, staffId) : undefined;
    if (!person || person.active === false) throw identityError('ON_BEHALF_OF_NOT_ALLOWED', { onBehalfOf: staffId ?? null, problem: 'not in the staff directory' });
    const by = makePrincipal({
      kind: 'person', id: person.id, displayName: person.fullName, roles: (person.roles ?? []).filter(isRole), method: 'broker-user',
      via: { tokenId: `amqp:${env.publishedBy ?? ''}`, name: `AMQP ${env.publishedBy ?? ''}` }, sources: [source],
    });
    const ifMatch = header(headers, 'if-match');
    const expectedVersion = parseIfMatch(ifMatch);
    const hash = requestHash(['AMQP', cardId, ifMatch ?? '', staffId ?? ''], body);
    // Refusals are announced by executeCommand and kept with the key: the message itself is done.
    await runOnce(db, `amqp:${env.publishedBy ?? ''}`, env.messageId, hash, async () => ({
      status: 200,
      body: await executeCommand(control, db, { cardId, command: body as ControlCommand, by, expectedVersion, announce: 'all', key: env.messageId }),
    }));
  };
}
