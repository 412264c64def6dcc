import { appendAudit } from '../../audit';
import type { Clock } from '../../domain/clock';
import { HubError } from '../../errors';
import {
  auditActor, createToken, getStaff, importStaff, listStaff, listTokens, parseStaffDirectory, revokeToken, type Principal,
} from '../../identity';
import { assertValid, type TokenCreateRequest } from '../../schemas';
import type { Db } from '../../store';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { jsonBody } from '../hostile';

/** What a caller may know of itself: who the hub thinks it is (for the EDMS and the web pages). */
function me(p: Principal) {
  return {
    kind: p.kind, id: p.id, displayName: p.displayName, roles: p.roles, permissions: [...p.permissions].sort(), method: p.method,
    ...(p.via ? { via: p.via } : {}), ...(p.sources ? { sources: p.sources } : {}),
  };
}

/**
 * Identity administration (role admin): API tokens, shown once at creation and stored hashed; the
 * staff directory (003 §118, §174, §196). Both are security events, so both land in the control log.
 */
export function identityRouter(db: Db, clock: Clock): SecureRouter {
  const r = secureRouter();
  const json = jsonBody({ limit: '10mb' });

  r.get('/me', 'authenticated', (req, res) => {
    res.json(me(principalOf(req)));
  });

  r.post('/tokens', 'tokens:manage', json, async (req, res) => {
    const body = assertValid<TokenCreateRequest>('token-create.schema.json', req.body ?? null);
    const who = principalOf(req);
    const now = clock.now();
    const created = await db.tx(async (q) => {
      const made = await createToken(q, { ...body, expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined, createdBy: who.id }, now);
      const { id, name, roles, sources, staffId, actFor, expiresAt } = made.info;
      await appendAudit(q, { at: now.toISOString(), ...auditActor(who), action: 'token.created', documentId: null, before: null, after: { id, name, roles, sources, staffId, actFor, expiresAt }, reason: null });
      return made;
    });
    res.status(201).setHeader('Cache-Control', 'no-store').json({ token: created.token, ...created.info });
  });

  r.get('/tokens', 'tokens:manage', async (_req, res) => {
    res.json({ items: await listTokens(db) });
  });

  r.delete('/tokens/:id', 'tokens:manage', async (req, res) => {
    const who = principalOf(req);
    const now = clock.now();
    const revoked = await db.tx(async (q) => {
      const info = await revokeToken(q, req.params.id, who.id, now);
      if (info) await appendAudit(q, { at: now.toISOString(), ...auditActor(who), action: 'token.revoked', documentId: null, before: { id: info.id, name: info.name }, after: { revokedAt: info.revokedAt }, reason: null });
      return info;
    });
    if (!revoked) throw HubError.of('NOT_FOUND', { tokenId: req.params.id });
    res.json(revoked);
  });

  r.get('/staff', 'staff:read', async (_req, res) => {
    res.json({ staff: await listStaff(db) });
  });

  r.get('/staff/:id', 'staff:read', async (req, res) => {
    const person = await getStaff(db, req.params.id);
    if (!person) throw HubError.of('NOT_FOUND', { staffId: req.params.id });
    res.json(person);
  });

  r.put('/staff', 'staff:manage', json, async (req, res) => {
    const dir = parseStaffDirectory(req.body ?? null);
    const who = principalOf(req);
    const now = clock.now();
    const counts = await db.tx(async (q) => {
      const c = await importStaff(q, dir, now);
      await appendAudit(q, { at: now.toISOString(), ...auditActor(who), action: 'staff.imported', documentId: null, before: null, after: { ...c, ids: dir.staff.map((p) => p.id) }, reason: null });
      return c;
    });
    res.json(counts);
  });
  return r;
}
