import express, { Router } from 'express';
import { addDays, kyivDayStart } from '../../domain/clock';
import { HubError } from '../../errors';
import { acceptInput, type PipelineDeps } from '../../pipeline';
import { assertValid, type DocumentQuery } from '../../schemas';
import { documents } from '../../store';
import { decodeCursor, page } from '../cursor';
import { UUID } from '../params';

/** Query strings are text; the schema wants numbers where numbers are meant. */
function parseQuery(raw: Record<string, unknown>): DocumentQuery {
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') throw HubError.of('INVALID_QUERY', { parameter: k, problem: 'given more than once' });
    q[k] = k === 'limit' && /^\d+$/.test(v) ? Number(v) : v;
  }
  return assertValid<DocumentQuery>('document-query.schema.json', q, 'INVALID_QUERY');
}

export function documentsRouter(deps: PipelineDeps): Router {
  const r = Router();

  // The body is taken raw so exactly what was sent can be kept in quarantine if it is rejected.
  r.post('/', express.raw({ type: () => true, limit: '50mb' }), async (req, res) => {
    const contentType = req.header('content-type') ?? '';
    const format = /json/i.test(contentType) || contentType === '' ? 'json' : String(req.query.format ?? contentType);
    const result = await acceptInput(deps, {
      channel: 'http',
      payload: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      format,
      contentType,
      receivedAt: deps.clock.now(),
      traceId: req.id,
    });
    if (result.status === 'rejected') {
      res.status(result.error.status).json({ ...result.error.toBody(), quarantineId: result.quarantineId });
      return;
    }
    if (result.status === 'created') res.status(201).location(`/api/v1/documents/${result.card.id}`);
    else res.status(200).setHeader('Idempotent-Replay', 'true');
    res.json(result.card);
  });

  r.get('/', async (req, res) => {
    const q = parseQuery(req.query as Record<string, unknown>);
    const limit = q.limit ?? 50;
    const rows = await documents.searchDocuments(deps.db, {
      source: q.source,
      kind: q.kind,
      status: q.status,
      receivedFrom: q.from ? kyivDayStart(q.from) : undefined,
      receivedBefore: q.to ? kyivDayStart(addDays(q.to, 1)) : undefined,
      text: q.q,
      limit: limit + 1,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    res.json(page(rows, limit, (c) => [c.receivedAt, c.id]));
  });

  r.get('/:id', async (req, res) => {
    const card = UUID.test(req.params.id) ? await documents.getCard(deps.db, req.params.id) : undefined;
    if (!card) throw HubError.of('NOT_FOUND', { documentId: req.params.id });
    res.json(card);
  });

  r.get('/:id/attachments/:ordinal', async (req, res) => {
    const ordinal = Number(req.params.ordinal);
    const found = UUID.test(req.params.id) && Number.isInteger(ordinal)
      ? await documents.getAttachmentContent(deps.db, req.params.id, ordinal)
      : undefined;
    if (!found) throw HubError.of('NOT_FOUND');
    res.type(found.mediaType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.name)}`);
    res.send(found.content);
  });

  return r;
}
