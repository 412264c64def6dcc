import express, { Router } from 'express';
import { APPEAL_KINDS, appealError, documentCardFor, holdsApplicantData, maySeePersonalData, ROLE_HEADER, roleOf } from '../../appeals';
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
    // ?format= names a connector's format (hotline.json is JSON too); without it JSON is canonical.
    const asked = typeof req.query.format === 'string' && req.query.format ? req.query.format : undefined;
    const format = asked ?? (/json/i.test(contentType) || contentType === '' ? 'json' : contentType);
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

  // Applicants' personal data by role (src/appeals/privacy.ts): the card and the list mask a
  // citizen's correspondent for a role without access, and the text search does not match a
  // citizen's name for it either (else the search would tell who wrote).
  r.get('/', async (req, res) => {
    const q = parseQuery(req.query as Record<string, unknown>);
    const limit = q.limit ?? 50;
    const role = roleOf(req);
    const rows = await documents.searchDocuments(deps.db, {
      source: q.source,
      kind: q.kind,
      status: q.status,
      receivedFrom: q.from ? kyivDayStart(q.from) : undefined,
      receivedBefore: q.to ? kyivDayStart(addDays(q.to, 1)) : undefined,
      text: q.q,
      nameHiddenKinds: maySeePersonalData(role) ? undefined : APPEAL_KINDS,
      limit: limit + 1,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    res.vary(ROLE_HEADER).json(page(rows.map((c) => documentCardFor(c, role)), limit, (c) => [c.receivedAt, c.id]));
  });

  r.get('/:id', async (req, res) => {
    const card = UUID.test(req.params.id) ? await documents.getCard(deps.db, req.params.id) : undefined;
    if (!card) throw HubError.of('NOT_FOUND', { documentId: req.params.id });
    res.vary(ROLE_HEADER).json(documentCardFor(card, roleOf(req)));
  });

  r.get('/:id/attachments/:ordinal', async (req, res) => {
    const ordinal = Number(req.params.ordinal);
    const found = UUID.test(req.params.id) && Number.isInteger(ordinal)
      ? await documents.getAttachmentContent(deps.db, req.params.id, ordinal)
      : undefined;
    if (!found) throw HubError.of('NOT_FOUND');
    // An applicant's attachment is the letter itself, name, address and signature on it: nothing to mask, so none.
    res.vary(ROLE_HEADER);
    if (!maySeePersonalData(roleOf(req))) {
      const card = await documents.getCard(deps.db, req.params.id);
      if (card && holdsApplicantData(card)) throw appealError('PERSONAL_DATA_ROLE_REQUIRED', { documentId: req.params.id });
    }
    res.type(found.mediaType).setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.name)}`);
    res.send(found.content);
  });

  return r;
}
