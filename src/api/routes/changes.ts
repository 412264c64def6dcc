import { HubError } from '../../errors';
import { changes, type Db } from '../../store';
import type { ChangeCursor } from '../../store/changes';
import { queryParam } from '../params';
import { scopeFilter } from '../scope';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';

const encode = (c: ChangeCursor): string => Buffer.from(`${c.tx}.${c.seq}`).toString('base64url');

function decode(raw: string): ChangeCursor {
  const m = /^(\d{1,20})\.(\d{1,15})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  // tx is an xid8 (unsigned 64-bit): a larger number would be PostgreSQL's out-of-range error, a 500.
  if (!m || BigInt(m[1] as string) > 0xffff_ffff_ffff_ffffn || !Number.isSafeInteger(Number(m[2]))) throw HubError.of('INVALID_CURSOR');
  return { tx: m[1] as string, seq: Number(m[2]) };
}

/**
 * The change feed (issue 11): every change of documents and control cards, in an order in which
 * nothing can later appear before a cursor already given out, so an EDMS that was down catches up
 * with one loop (`since` = the last `nextCursor`, until `items` is empty) and ends with the same
 * state. The cursor is the database's, so it survives restarts of the hub. The caller's scope
 * applies: a system sees its sources' documents (and the control log's signed checkpoints,
 * `audit.checkpoint`, which are about no document: issue 14), an executor the documents given to them.
 */
export function changesRouter(db: Db): SecureRouter {
  const r = secureRouter();
  r.get('/changes', 'documents:read', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const since = queryParam(q, 'since');
    const types = queryParam(q, 'types', /^[a-z.*-]+(,[a-z.*-]+)*$/)?.split(',').map((t) => (t.endsWith('*') ? t.slice(0, -1) : t));
    const limit = Math.min(1000, Math.max(1, Number(queryParam(q, 'limit', /^\d{1,4}$/) ?? 100)));
    const after = since ? decode(since) : undefined;
    const rows = await changes.readChanges(db, { after, types, limit, ...scopeFilter(principalOf(req)) });
    const items = rows.map((c) => ({ cursor: encode(c.cursor), sequence: c.sequence, eventId: c.eventId, type: c.type, documentId: c.documentId, occurredAt: c.occurredAt, event: c.payload }));
    res.json({ items, nextCursor: items.length ? items[items.length - 1]!.cursor : since ?? null });
  });
  return r;
}
