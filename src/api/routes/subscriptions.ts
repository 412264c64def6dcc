import { type Request } from 'express';
import {
  createSubscription, deleteSubscription, getSubscription, listDeliveries, listSubscriptions, replayFailed, rotateSecret, setStatus,
  type Subscription,
} from '../../../connectors/edms';
import { appendAudit } from '../../audit';
import type { Clock } from '../../domain/clock';
import { HubError } from '../../errors';
import { auditActor, identityError, maySeePersonalData, type Principal } from '../../identity';
import { assertValid, type SubscriptionCreateRequest } from '../../schemas';
import type { Db } from '../../store';
import { queryParam, UUID } from '../params';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { jsonBody } from '../hostile';

/** An integrator manages its own subscriptions, for its own sources; the administrator all of them. */
function ownerOf(who: Principal): string | undefined {
  return who.roles.includes('admin') ? undefined : who.via?.tokenId ?? who.id;
}

/**
 * Webhook subscriptions of the EDMS (issue 11): created with a signing secret shown once, listed,
 * paused and resumed, the secret rotated (both sign during a grace period), deleted; their
 * deliveries listed with every attempt, and parked ones replayed one by one or all at once.
 */
export function subscriptionsRouter(db: Db, clock: Clock, graceHours: number): SecureRouter {
  const r = secureRouter();
  const json = jsonBody({ limit: '64kb' });

  async function mine(req: Request<{ id: string }>): Promise<Subscription> {
    const sub = UUID.test(req.params.id) ? await getSubscription(db, req.params.id) : undefined;
    const owner = ownerOf(principalOf(req));
    if (!sub || (owner !== undefined && sub.ownerToken !== owner)) throw HubError.of('NOT_FOUND', { subscriptionId: req.params.id });
    return sub;
  }

  const logged = (req: Request, action: string, after: Record<string, unknown>) => (q: Parameters<typeof appendAudit>[0]) =>
    appendAudit(q, { at: clock.now().toISOString(), ...auditActor(principalOf(req)), action, documentId: null, before: null, after, reason: null });

  r.post('/subscriptions', 'subscriptions:manage', json, async (req, res) => {
    const body = assertValid<SubscriptionCreateRequest>('subscription-create.schema.json', req.body ?? null);
    const who = principalOf(req);
    const owner = ownerOf(who);
    let sources = body.sources;
    if (owner !== undefined) {
      const own = who.sources ?? [];
      if (sources?.some((s) => !own.includes(s))) throw identityError('SOURCE_NOT_ALLOWED', { sources, allowedSources: own });
      sources ??= [...own];
    }
    const made = await db.tx(async (q) => {
      const m = await createSubscription(q, { url: body.url, events: body.events, sources, ownerToken: owner, personalData: maySeePersonalData(who), createdBy: who.id }, clock.now());
      await logged(req, 'subscription.created', { id: m.subscription.id, url: body.url, events: body.events, sources: sources ?? null })(q);
      return m;
    });
    res.status(201).setHeader('Cache-Control', 'no-store').json({ ...made.subscription, secret: made.secret });
  });

  r.get('/subscriptions', 'subscriptions:manage', async (req, res) => {
    res.json({ items: await listSubscriptions(db, ownerOf(principalOf(req))) });
  });

  r.get('/subscriptions/:id', 'subscriptions:manage', async (req, res) => {
    res.json(await mine(req));
  });

  for (const [path, status] of [['pause', 'paused'], ['resume', 'active']] as const) {
    r.post(`/subscriptions/:id/${path}`, 'subscriptions:manage', async (req, res) => {
      const sub = await mine(req);
      res.json(await db.tx(async (q) => {
        await logged(req, `subscription.${path}d`, { id: sub.id })(q);
        return setStatus(q, sub.id, status);
      }));
    });
  }

  r.post('/subscriptions/:id/rotate-secret', 'subscriptions:manage', async (req, res) => {
    const sub = await mine(req);
    const until = new Date(clock.now().getTime() + graceHours * 3600_000);
    const rotated = await db.tx(async (q) => {
      await logged(req, 'subscription.secret-rotated', { id: sub.id, previousSecretUntil: until.toISOString() })(q);
      return rotateSecret(q, sub.id, until);
    });
    res.setHeader('Cache-Control', 'no-store').json({ ...rotated.subscription, secret: rotated.secret });
  });

  r.delete('/subscriptions/:id', 'subscriptions:manage', async (req, res) => {
    const sub = await mine(req);
    await db.tx(async (q) => {
      await logged(req, 'subscription.deleted', { id: sub.id, url: sub.url })(q);
      await deleteSubscription(q, sub.id);
    });
    res.status(204).end();
  });

  r.get('/subscriptions/:id/deliveries', 'subscriptions:manage', async (req, res) => {
    const sub = await mine(req);
    const q = req.query as Record<string, unknown>;
    const status = queryParam(q, 'status', /^(pending|delivered|failed)$/);
    const limit = Math.min(1000, Math.max(1, Number(queryParam(q, 'limit', /^\d{1,4}$/) ?? 100)));
    res.json({ items: await listDeliveries(db, sub.id, status, limit) });
  });

  r.post('/subscriptions/:id/deliveries/replay', 'subscriptions:manage', async (req, res) => {
    const sub = await mine(req);
    res.json({ replayed: await replayFailed(db, sub.id, undefined, clock.now()) });
  });

  r.post('/subscriptions/:id/deliveries/:deliveryId/replay', 'subscriptions:manage', async (req, res) => {
    const sub = await mine(req);
    if (!/^\d{1,15}$/.test(req.params.deliveryId)) throw HubError.of('NOT_FOUND');
    const replayed = await replayFailed(db, sub.id, Number(req.params.deliveryId), clock.now());
    if (!replayed) throw HubError.of('NOT_FOUND', { deliveryId: req.params.deliveryId, problem: 'no parked delivery with this id' });
    res.json({ replayed });
  });
  return r;
}
