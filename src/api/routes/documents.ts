import { APPEAL_KINDS, appealError, documentCardFor, holdsApplicantData, maySeePersonalData } from '../../appeals';
import { addDays, kyivDayStart } from '../../domain/clock';
import { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, DOCUMENTS_TABLE, JOURNAL_UK } from '../../domain/registry';
import { filterUk, periodUk } from '../../exports';
import { HubError } from '../../errors';
import { acceptInput, ownMessageApplied, type PipelineDeps } from '../../pipeline';
import { assertValid, type DocumentCard, type DocumentQuery } from '../../schemas';
import { documents } from '../../store';
import { decodeCursor, page } from '../cursor';
import { sendExport } from '../export-response';
import { sendStoredBytes } from '../hostile';
import { DATE, exportFormat, queryParam, UUID } from '../params';
import { personalDataShown } from '../personal-data';
import { assertInScope, scopeFilter } from '../scope';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';
import { inputBody } from '../input-body';

const shownRecords = (cards: DocumentCard[]) => cards.filter(holdsApplicantData).map((c) => ({ kind: 'document' as const, id: c.id }));

/** Query strings are text; the schema wants numbers where numbers are meant. */
function parseQuery(raw: Record<string, unknown>): DocumentQuery {
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') throw HubError.of('INVALID_QUERY', { parameter: k, problem: 'given more than once' });
    q[k] = k === 'limit' && /^\d+$/.test(v) ? Number(v) : v;
  }
  const query = assertValid<DocumentQuery>('document-query.schema.json', q, 'INVALID_QUERY');
  // The schema's `date` format checks the calendar, not the years PostgreSQL holds: the one date check too.
  for (const name of ['from', 'to'] as const) if (query[name] !== undefined) queryParam(q, name, DATE);
  return query;
}

export function documentsRouter(deps: PipelineDeps): SecureRouter {
  const r = secureRouter();

  // The body is taken raw so exactly what was sent can be kept in quarantine if it is rejected.
  r.post('/', 'documents:submit', inputBody({ limit: 50 * 2 ** 20 }), async (req, res) => {
    const who = principalOf(req);
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
      // An integrator (or any token bound to sources) submits only for its own (README, Security).
      ...(who.sources ? { allowedSources: who.sources } : {}),
    });
    if (result.status === 'rejected') {
      res.status(result.error.status).json({ ...result.error.toBody(), quarantineId: result.quarantineId });
      return;
    }
    // A connector's own message (a СЕВ ОВВ receipt or addition) is applied, not registered (issue 18).
    if (result.status === 'applied') {
      if (!result.applied.changed) res.setHeader('Idempotent-Replay', 'true');
      res.status(200).json(ownMessageApplied(result.applied));
      return;
    }
    if (result.status === 'created') res.status(201).location(`/api/v1/documents/${result.card.id}`);
    else res.status(200).setHeader('Idempotent-Replay', 'true');
    // A repeat answers the card on file: to the caller's permission, like any read of it.
    await personalDataShown(deps.db, deps.clock, req, shownRecords([result.card]));
    res.json(documentCardFor(result.card, who));
  });

  // Applicants' personal data by permission (src/appeals/privacy.ts): the card and the list mask a
  // citizen's correspondent for a caller without it, and neither the text search (`q`) nor the
  // `correspondent` field matches a citizen's name for it (else the search would tell who wrote).
  // CSV and XLSX are the same page of the same masked cards (src/domain/registry/document-table.ts).
  r.get('/', 'documents:read', async (req, res) => {
    const q = parseQuery(req.query as Record<string, unknown>);
    const format = exportFormat(req);
    const limit = q.limit ?? 50;
    const who = principalOf(req);
    const rows = await documents.searchDocuments(deps.db, {
      source: q.source,
      kind: q.kind,
      status: q.status,
      receivedFrom: q.from ? kyivDayStart(q.from) : undefined,
      receivedBefore: q.to ? kyivDayStart(addDays(q.to, 1)) : undefined,
      text: q.q,
      journal: q.journal,
      regIndex: q.index,
      outgoingNumber: q.outgoingNumber,
      correspondent: q.correspondent,
      nameHiddenKinds: maySeePersonalData(who) ? undefined : APPEAL_KINDS,
      ...scopeFilter(who),
      limit: limit + 1,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    const body = page(rows, limit, (c) => [c.receivedAt, c.id]);
    await personalDataShown(deps.db, deps.clock, req, shownRecords(body.items));
    const items = body.items.map((c) => documentCardFor(c, who));
    if (format === 'json') {
      res.json({ ...body, items });
      return;
    }
    await sendExport(res, format, DOCUMENTS_TABLE, items, {
      caption: [
        periodUk(q.from, q.to, 'Період надходження'), filterUk('вид', q.kind && DOCUMENT_KIND_UK[q.kind]), filterUk('стан', q.status && DOCUMENT_STATUS_UK[q.status]),
        filterUk('джерело', q.source), filterUk('журнал', q.journal && (JOURNAL_UK[q.journal] ?? q.journal)), filterUk('пошук', q.q && `«${q.q}»`),
        filterUk('індекс', q.index && `«${q.index}»`), filterUk('вихідний номер', q.outgoingNumber && `«${q.outgoingNumber}»`),
        filterUk('кореспондент', q.correspondent && `«${q.correspondent}»`),
        !maySeePersonalData(who) && body.items.some(holdsApplicantData) && 'персональні дані громадян приховано',
      ],
      fileQualifiers: [q.from, q.to],
      nextCursor: body.nextCursor,
      createdAt: deps.clock.now(),
    });
  });

  r.get('/:id', 'documents:read', async (req, res) => {
    const card = UUID.test(req.params.id) ? await documents.getCard(deps.db, req.params.id) : undefined;
    if (!card) throw HubError.of('NOT_FOUND', { documentId: req.params.id });
    const who = principalOf(req);
    await assertInScope(deps.db, who, card);
    await personalDataShown(deps.db, deps.clock, req, shownRecords([card]));
    res.json(documentCardFor(card, who));
  });

  r.get('/:id/attachments/:ordinal', 'documents:read', async (req, res) => {
    const ordinal = Number(req.params.ordinal);
    const found = UUID.test(req.params.id) && Number.isInteger(ordinal)
      ? await documents.getAttachmentContent(deps.db, req.params.id, ordinal)
      : undefined;
    const card = found ? await documents.getCard(deps.db, req.params.id) : undefined;
    if (!found || !card) throw HubError.of('NOT_FOUND');
    const who = principalOf(req);
    await assertInScope(deps.db, who, card);
    // An applicant's attachment is the letter itself, name, address and signature on it: nothing to mask, so none.
    if (holdsApplicantData(card)) {
      if (!maySeePersonalData(who)) throw appealError('PERSONAL_DATA_ROLE_REQUIRED', { documentId: req.params.id });
      await personalDataShown(deps.db, deps.clock, req, [{ kind: 'attachment', id: `${card.id}/${ordinal}` }]);
    }
    // As a download under its base name, its media type only if well-formed, never sniffed (issue 14).
    sendStoredBytes(res, found.content, { mediaType: found.mediaType, name: found.name });
  });

  return r;
}
