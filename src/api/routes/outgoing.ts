import {
  getOutgoingCard, listMessages, listParticipants, receiptDueAt, registerOutgoing, type MessageState, type OutgoingDeps,
} from '../../../connectors/sev-ovv/outgoing';
import { loadSevOvvConfig } from '../../../connectors/sev-ovv/config';
import { configuredCalendar } from '../../control/terms';
import { calendarByName } from '../../domain/calendar';
import type { Config } from '../../config';
import { HubError } from '../../errors';
import { jsonBody } from '../hostile';
import { idempotent } from '../idempotency';
import { queryParam, UUID } from '../params';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';

const STATES = ['sent', 'delivered', 'accepted', 'registered', 'refused', 'unconfirmed'] as const;

/** Unconfirmed messages are read from the oldest sent; more than this at once is a list for an operator to work through first. */
const UNCONFIRMED_LIMIT = 1000;

/**
 * The council's outgoing documents through СЕВ ОВВ (issue 18): the participants it may send to,
 * registration and sending of a document with its signatures, its card with every message's
 * receipts, and the messages by state (`unconfirmed`: no receipt within SEV_OVV_RECEIPT_WAIT_WORKING_DAYS).
 */
export function outgoingRouter(deps: OutgoingDeps & { config?: Config }): SecureRouter {
  const r = secureRouter();
  const calendar = deps.config ? configuredCalendar(deps.config) : calendarByName('law-in-force');

  r.get('/sev-ovv/participants', 'outgoing:read', async (_req, res) => {
    res.json({ items: await listParticipants(deps.db) });
  });

  // Idempotency-Key: a retried POST answers the card registered the first time, never a second number.
  r.post('/outgoing', 'outgoing:submit', jsonBody({ limit: '60mb', attachments: true }), async (req, res) => {
    await idempotent(deps.db, req, res, async () => ({ status: 201, body: await registerOutgoing(deps, req.body ?? null, principalOf(req)) }));
  });

  r.get('/outgoing/messages', 'outgoing:read', async (req, res) => {
    const state = queryParam(req.query, 'state', { test: (v) => (STATES as readonly string[]).includes(v), problem: `one of ${STATES.join(', ')}` }) as (typeof STATES)[number] | undefined;
    if (state !== 'unconfirmed') {
      res.json({ items: await listMessages(deps.db, { ...(state ? { state: state as MessageState } : {}), limit: UNCONFIRMED_LIMIT }) });
      return;
    }
    const now = deps.clock.now();
    const wait = (deps.sevOvvConfig ?? (() => loadSevOvvConfig()))().receiptWaitWorkingDays;
    const sent = await listMessages(deps.db, { state: 'sent', sentBefore: now, limit: UNCONFIRMED_LIMIT });
    res.json({ items: sent.filter((m) => receiptDueAt(new Date(m.sentAt), wait, calendar) < now) });
  });

  r.get('/outgoing/:id', 'outgoing:read', async (req, res) => {
    const id = String(req.params.id);
    const card = UUID.test(id) ? await getOutgoingCard(deps.db, id) : undefined;
    if (!card) throw HubError.of('NOT_FOUND', { outgoingId: id });
    res.json(card);
  });
  return r;
}
