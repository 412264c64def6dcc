import type { DocumentCard, DocumentKind, DocumentStatus, Registration, SignatureSummary } from '../schemas';
import type { Db, Queryable } from './db';

export interface NewDocument {
  id: string;
  source: string;
  externalId: string;
  kind: DocumentKind;
  subtype?: string;
  summary: string;
  correspondent: DocumentCard['correspondent'];
  outgoing?: DocumentCard['outgoing'];
  receivedAt: string;
  urgency: 'normal' | 'urgent' | 'immediate';
  pages?: number;
  dueDate?: string;
  meta?: Record<string, unknown>;
  payloadSha256: string;
  /** What came in, to tell a true repeat from a conflicting one (src/pipeline/input-digest.ts); none for archive imports. */
  inputSha256?: string;
}

export interface NewAttachment {
  name: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/**
 * Inserts the document unless (source, externalId) is already on file. Returns the id of the
 * new row, or undefined for a repeat; under concurrency the unique index makes the second insert
 * wait for the first transaction and then do nothing.
 */
export async function insertDocumentOnce(q: Queryable, doc: NewDocument, status: DocumentStatus): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO documents (${NEW_DOCUMENT_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (source, external_id) DO NOTHING
     RETURNING id`,
    newDocumentValues(doc, status),
  );
  return rows[0]?.id;
}

/** The columns a new document is inserted with, and newDocumentValues their values ($1…$16), for every insert of one. */
export const NEW_DOCUMENT_COLUMNS = `id, source, external_id, kind, subtype, status, summary, correspondent, outgoing,
       received_at, urgency, pages, due_date, meta, payload_sha256, input_sha256`;

export function newDocumentValues(doc: NewDocument, status: DocumentStatus): unknown[] {
  return [
    doc.id, doc.source, doc.externalId, doc.kind, doc.subtype ?? null, status, doc.summary,
    JSON.stringify(doc.correspondent), doc.outgoing ? JSON.stringify(doc.outgoing) : null,
    doc.receivedAt, doc.urgency, doc.pages ?? null, doc.dueDate ?? null,
    doc.meta ? JSON.stringify(doc.meta) : null, doc.payloadSha256, doc.inputSha256 ?? null,
  ];
}

/** The document on file under an idempotency key, with the digest of the input it came from (none before migration 019). */
export async function findOnFile(q: Queryable, source: string, externalId: string): Promise<{ id: string; inputSha256: string | null } | undefined> {
  const rows = await q.query<{ id: string; input_sha256: string | null }>('SELECT id, input_sha256 FROM documents WHERE source = $1 AND external_id = $2', [source, externalId]);
  return rows[0] && { id: rows[0].id, inputSha256: rows[0].input_sha256 };
}

export async function findIdByExternalId(q: Queryable, source: string, externalId: string): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>('SELECT id FROM documents WHERE source = $1 AND external_id = $2', [source, externalId]);
  return rows[0]?.id;
}

export async function setRegistration(q: Queryable, id: string, reg: Registration): Promise<void> {
  await q.query(
    `UPDATE documents SET status = 'registered', reg_journal = $2, reg_year = $3, reg_number = $4, reg_index = $5,
       reg_date = $6, reg_case = $7 WHERE id = $1`,
    [id, reg.journal, reg.year, reg.number, reg.index, reg.date, reg.case],
  );
}

export async function setNotRegistered(q: Queryable, id: string, reason: NonNullable<DocumentCard['notRegisteredReason']>): Promise<void> {
  await q.query(`UPDATE documents SET status = 'not-registered', not_registered_reason = $2 WHERE id = $1`, [id, JSON.stringify(reason)]);
}

export async function insertAttachments(q: Queryable, documentId: string, list: NewAttachment[], after = 0): Promise<void> {
  // `after`: the ordinals already taken (files added to a card later, e.g. a СЕВ ОВВ addition).
  let ordinal = after;
  for (const a of list) {
    ordinal++;
    await q.query(
      'INSERT INTO attachments (document_id, ordinal, name, media_type, sha256, size, content) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [documentId, ordinal, a.name, a.mediaType, a.sha256, a.content.length, a.content],
    );
  }
}

/** A verified signature as kept with the document: the card's summary and the full report. */
export interface NewSignature extends SignatureSummary {
  report: unknown;
}

export type DocumentFlag = NonNullable<DocumentCard['flags']>[number];

/** Keeps the signature reports of a new document (inside the registering transaction). */
export async function insertSignatures(q: Queryable, documentId: string, list: NewSignature[], after = 0): Promise<void> {
  let ordinal = after;
  for (const s of list) {
    ordinal++;
    await q.query(
      `INSERT INTO document_signatures (document_id, ordinal, attachment, indication, sub_indication, qualified, signer,
         signing_time, best_signature_time, report) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        documentId, ordinal, s.attachment, s.indication, s.subIndication, s.qualified, s.signer ? JSON.stringify(s.signer) : null,
        s.signingTime, s.bestSignatureTime, JSON.stringify(s.report),
      ],
    );
  }
}

export async function setFlags(q: Queryable, id: string, flags: DocumentFlag[]): Promise<void> {
  await q.query('UPDATE documents SET flags = $2 WHERE id = $1', [id, flags.length ? JSON.stringify(flags) : null]);
}

/** The full reports kept for a document's signatures, in order. */
export async function getSignatureReports(q: Queryable, documentId: string): Promise<unknown[]> {
  const rows = await q.query<{ report: unknown }>('SELECT report FROM document_signatures WHERE document_id = $1 ORDER BY ordinal', [documentId]);
  return rows.map((r) => r.report);
}

export interface DocumentRow {
  id: string;
  source: string;
  external_id: string;
  kind: DocumentKind;
  subtype: string | null;
  status: DocumentStatus;
  summary: string;
  correspondent: DocumentCard['correspondent'];
  outgoing: DocumentCard['outgoing'] | null;
  received_at: Date;
  urgency: 'normal' | 'urgent' | 'immediate';
  pages: number | null;
  due_date: string | null;
  meta: Record<string, unknown> | null;
  reg_journal: string | null;
  reg_year: number | null;
  reg_number: number | null;
  reg_index: string | null;
  reg_date: string | null;
  reg_case: string | null;
  not_registered_reason: DocumentCard['notRegisteredReason'] | null;
  created_at: Date;
  attachments: DocumentCard['attachments'] | null;
  signatures: SignatureSummary[] | null;
  flags: DocumentFlag[] | null;
  /** The outgoing documents that answer it (migration 022); only where the card is read whole. */
  answered_by?: DocumentCard['answeredBy'] | null;
}

/** A timestamptz as JavaScript's toISOString() writes it, whatever the session's time zone (PGlite and PostgreSQL alike). */
const isoUtc = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const CARD_COLUMNS = `SELECT d.*, (
    SELECT json_agg(json_build_object('name', a.name, 'mediaType', a.media_type, 'sha256', a.sha256, 'size', a.size) ORDER BY a.ordinal)
    FROM attachments a WHERE a.document_id = d.id) AS attachments, (
    SELECT json_agg(json_build_object('attachment', s.attachment, 'indication', s.indication, 'subIndication', s.sub_indication,
      'qualified', s.qualified, 'signer', s.signer, 'signingTime', ${isoUtc('s.signing_time')},
      'bestSignatureTime', ${isoUtc('s.best_signature_time')}) ORDER BY s.ordinal)
    FROM document_signatures s WHERE s.document_id = d.id) AS signatures, (
    SELECT json_agg(json_build_object('outgoingId', o.id, 'index', o.reg_index, 'date', to_char(o.reg_date, 'YYYY-MM-DD')) ORDER BY o.reg_date, o.reg_number)
    FROM outgoing_documents o WHERE o.answers_document_id = d.id) AS answered_by`;
const CARD_SELECT = `${CARD_COLUMNS} FROM documents d`;

export function toCard(r: DocumentRow): DocumentCard {
  const card: DocumentCard = {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    kind: r.kind,
    status: r.status,
    correspondent: r.correspondent,
    summary: r.summary,
    receivedAt: r.received_at.toISOString(),
    urgency: r.urgency,
    registration:
      r.reg_index && r.reg_journal && r.reg_number && r.reg_date && r.reg_case && r.reg_year
        ? { journal: r.reg_journal, index: r.reg_index, number: r.reg_number, date: r.reg_date, case: r.reg_case, year: r.reg_year }
        : null,
    attachments: r.attachments ?? [],
    createdAt: r.created_at.toISOString(),
  };
  if (r.subtype) card.subtype = r.subtype;
  if (r.outgoing) card.outgoing = r.outgoing;
  if (r.pages !== null) card.pages = r.pages;
  if (r.due_date) card.dueDate = r.due_date;
  if (r.meta) card.meta = r.meta;
  if (r.not_registered_reason) card.notRegisteredReason = r.not_registered_reason;
  if (r.signatures?.length) card.signatures = r.signatures;
  if (r.flags?.length) card.flags = r.flags;
  if (r.answered_by?.length) card.answeredBy = r.answered_by;
  return card;
}

export async function getCard(q: Queryable, id: string): Promise<DocumentCard | undefined> {
  const rows = await q.query<DocumentRow>(`${CARD_SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ? toCard(rows[0]) : undefined;
}

export async function getAttachmentContent(q: Queryable, id: string, ordinal: number): Promise<{ name: string; mediaType: string; content: Buffer } | undefined> {
  const rows = await q.query<{ name: string; media_type: string; content: Buffer }>(
    'SELECT name, media_type, content FROM attachments WHERE document_id = $1 AND ordinal = $2',
    [id, ordinal],
  );
  const r = rows[0];
  return r ? { name: r.name, mediaType: r.media_type, content: r.content } : undefined;
}

export interface DocumentSearch {
  source?: string;
  kind?: string;
  status?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
  text?: string;
  /** Registered in this journal. */
  journal?: string;
  /** The separate fields of «Документи» (issue 15): each looks in its own field only (see fieldConditions). */
  regIndex?: string;
  outgoingNumber?: string;
  correspondent?: string;
  /** Kinds whose correspondent's name the text (and the correspondent field) does not match, unless an organisation's (a role that may not see applicants' names). */
  nameHiddenKinds?: readonly string[];
  /** Only documents of these sources (an integrator's own). */
  onlySources?: readonly string[];
  /** Only documents with a control card naming this executor (an executor sees what is given to them). */
  onlyExecutor?: string;
  limit: number;
  after?: { receivedAt: Date; id: string };
}

/**
 * The text search (migration 018). SEARCH_ALL is exactly the expression of the trigram index
 * documents_search_idx (else the index is not used): summary, index, outgoing number and, past a
 * separator, the correspondent's name. SEARCH_TEXT is the same without the name, computed only
 * for the rows the index found, when the caller may not search a citizen's name.
 */
const SEARCH_TEXT_FIELDS = `d.summary || ' ' || coalesce(d.reg_index, '') || ' ' || coalesce(d.outgoing->>'number', '')`;
export const SEARCH_ALL = `lower(${SEARCH_TEXT_FIELDS} || E' \\n ' || coalesce(d.correspondent->>'name', ''))`;
const SEARCH_TEXT = `lower(${SEARCH_TEXT_FIELDS})`;

/** The query's side of the index's lower(): lower case, and every apostrophe (' ’ ʼ ‘ `) written '. */
export function normaliseSearchText(text: string): string {
  return text.toLowerCase().replace(/['’ʼ‘`]/g, "'");
}

/**
 * Inflectional endings of Ukrainian nouns, adjectives and participles, longest first. A clerk
 * types a word in whatever form the sentence in their head has («звернення», «зверненням»,
 * «звернень»); the document has another. PostgreSQL has no Ukrainian stemmer, and a light one is
 * enough here: the ending is cut from the word of the query and what is left (the stem) is looked
 * for as a substring, so «звернення», «зверненням» and «зверненнями» all look for «зверненн» and
 * find each other; «земельної ділянки» finds «земельна ділянка». What a suffix stripper cannot
 * do (alternations: «земля» / «земель», «Київ» / «Києва») is left: the stem is at least
 * MIN_STEM letters, so a short word is never cut to a fragment found everywhere.
 */
const ENDINGS = [
  'ього', 'ьому',
  'ями', 'ами', 'ові', 'еві', 'єві', 'ому', 'ого', 'ими', 'іми',
  'ам', 'ям', 'ах', 'ях', 'ів', 'їв', 'ей', 'ою', 'ею', 'єю', 'ом', 'ем', 'єм', 'им', 'ім', 'их', 'іх', 'ий', 'ій', 'ої', 'ую', 'юю', 'ая', 'яя', 'ов',
  'а', 'я', 'у', 'ю', 'і', 'ї', 'и', 'е', 'є', 'о', 'ь', 'й',
];
const MIN_STEM = 4;
/** Shorter than a trigram: the index cannot look for it (see textMatch). */
const MIN_INDEXED = 3;

export function stemSearchWord(word: string): string {
  if (!/^[\p{Script=Cyrillic}']+$/u.test(word)) return word; // numbers, indexes, Latin: as typed
  for (const e of ENDINGS) if (word.endsWith(e) && word.length - e.length >= MIN_STEM) return word.slice(0, -e.length);
  return word;
}

/** The words of a query (split at white space), normalised and stemmed, each once; `q` is at most 200 characters. */
export function searchWords(text: string): string[] {
  return [...new Set(normaliseSearchText(text).split(/\s+/).filter(Boolean).map(stemSearchWord))];
}

/**
 * A word of the query as a condition on a searchable expression: `LIKE '%word%'`, which the
 * trigram index serves (the old strpos substring semantics, now per word); `%`, `_` and `\` typed
 * are literal, an apostrophe is `_` (any of the apostrophes on file). A word of one or two
 * characters has no trigram: it is tested with strpos, which no index claims, so it filters the
 * rows the other words found (or, alone, the newest-first walk) instead of making the planner read
 * the whole trigram index.
 */
function textMatch(word: string, params: unknown[]): (expr: string) => string {
  if (word.length < MIN_INDEXED) {
    const p = `$${params.push(word)}`;
    return (expr) => `strpos(${expr}, ${p}) > 0`;
  }
  const p = `$${params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/'/g, '_')}%`)}`;
  return (expr) => `${expr} LIKE ${p}`;
}

/**
 * The documents with this registration index exactly, as a condition on `d` that the trigram index
 * serves (documents_search_idx holds the index as part of SEARCH_ALL): reg_index has no index of
 * its own, which would be a seventh index written by every registration (issue 16) to serve the
 * control log's filter by index (issue 15) alone. An index shorter than a trigram is matched on
 * the column (the planner reads the table, as before).
 */
export function hasRegistrationIndex(index: string, params: unknown[]): string {
  const exact = `d.reg_index = $${params.push(index)}`;
  const word = normaliseSearchText(index);
  return word.length < MIN_INDEXED ? exact : `${textMatch(word, params)(SEARCH_ALL)} AND ${exact}`;
}

/** The fields of the separate search fields, each a part of SEARCH_ALL (lower() of a part is that part of lower()). */
const FIELD_INDEX = `lower(coalesce(d.reg_index, ''))`;
const FIELD_OUTGOING = `lower(coalesce(d.outgoing->>'number', ''))`;
const FIELD_NAME = `lower(coalesce(d.correspondent->>'name', ''))`;

/**
 * A word in one field: the same LIKE on SEARCH_ALL, which the trigram index serves, and on the
 * field, which keeps what the index found in another field out (the field alone would be read for
 * every row). A word shorter than a trigram: the field alone, as textMatch says.
 */
function inField(word: string, field: string, params: unknown[], whole = false): string {
  const w = textMatch(word, params);
  const conditions = word.length < MIN_INDEXED ? [w(field)] : [w(SEARCH_ALL), w(field)];
  const edges = whole ? wholeNumberPattern(word) : undefined;
  if (edges) conditions.push(`${field} ~ $${params.push(edges)}`);
  return conditions.join(' AND ');
}

/**
 * An index or an outgoing number typed is found as a part of the one on file, but a number in it
 * whole: «01-07/1» finds 01-07/1, not 01-07/12 or 01-07/105, and «45» finds 12/3-45, not 12/345 (a
 * clerk types the number they read; newest first, every longer number would come before it). A
 * regular expression for the digits at the typed value's ends, none when it starts and ends with
 * no digit; an apostrophe stands for any of them, as in textMatch.
 */
function wholeNumberPattern(value: string): string | undefined {
  const head = /^\d/.test(value);
  const tail = /\d$/.test(value);
  if (!head && !tail) return undefined;
  const body = value.replace(/[\\^$.|?*+()[\]{}-]/g, (c) => `\\${c}`).replace(/'/g, '.');
  return `${head ? '(^|[^0-9])' : ''}${body}${tail ? '($|[^0-9])' : ''}`;
}

/**
 * The separate fields of «Документи»: the registration index and the outgoing number as typed (a
 * part, see wholeNumberPattern), the correspondent's name as words in any of their forms (as the
 * text search, searchWords: «Петренка» finds «Петренко»), every word in the name itself.
 */
function fieldConditions(s: DocumentSearch, params: unknown[]): string[] {
  const out: string[] = [];
  const asTyped = (v: string | undefined) => (v === undefined ? '' : normaliseSearchText(v).trim());
  const index = asTyped(s.regIndex);
  if (index) out.push(inField(index, FIELD_INDEX, params, true));
  const outgoing = asTyped(s.outgoingNumber);
  if (outgoing) out.push(inField(outgoing, FIELD_OUTGOING, params, true));
  for (const word of s.correspondent ? searchWords(s.correspondent) : []) out.push(inField(word, FIELD_NAME, params));
  return out;
}

/**
 * How many of the newest documents in the caller's scope a search first looks through for its
 * words before it asks the trigram index (searchDocuments).
 */
export const NEWEST_FIRST_ROWS = 1000;

/**
 * The farthest a second newest-first look goes for a page of 50 (in proportion for other pages),
 * when the first found some matches: past it the trigram index is cheaper than walking (a word in
 * 0.5 % of the documents or fewer).
 */
export const LONGER_WALK_ROWS = 20_000;

/** What a search runs on: queries, and a transaction for the planner's settings of its second step. */
export type SearchDb = Queryable & Pick<Db, 'tx'>;

/** Newest first, keyset-paginated on (received_at, id) so pages stay stable while documents arrive. */
export async function searchDocuments(db: SearchDb, s: DocumentSearch): Promise<DocumentCard[]> {
  const params: unknown[] = [];
  // Where the newest documents are taken from: conditions an index walks newest first
  // (documents_received_idx, documents_kind_idx), so a look at the newest N reads N rows.
  const slice: string[] = [];
  if (s.kind) slice.push(`d.kind = $${params.push(s.kind)}`);
  if (s.receivedFrom) slice.push(`d.received_at >= $${params.push(s.receivedFrom)}`);
  if (s.receivedBefore) slice.push(`d.received_at < $${params.push(s.receivedBefore)}`);
  if (s.after) slice.push(`(d.received_at, d.id) < ($${params.push(s.after.receivedAt)}, $${params.push(s.after.id)}::uuid)`);
  // The rest of the caller's scope (src/identity/principal.ts documentScope: a system's sources,
  // an executor's cards) and what they asked for.
  const scope: string[] = [];
  if (s.source) scope.push(`d.source = $${params.push(s.source)}`);
  if (s.onlySources) scope.push(`d.source = ANY($${params.push([...s.onlySources])}::text[])`);
  if (s.onlyExecutor) scope.push(`EXISTS (SELECT 1 FROM control_cards c WHERE c.document_id = d.id AND c.card->'executors' ? $${params.push(s.onlyExecutor)})`);
  if (s.status) scope.push(`d.status = $${params.push(s.status)}`);
  if (s.journal) scope.push(`d.reg_journal = $${params.push(s.journal)}`);
  // Which words they must contain. A caller who may not see citizens' names has them left out,
  // the condition made (and its parameter bound) only where a word or a name is asked for.
  const matches: string[] = [];
  let visible: string | undefined;
  const nameVisible = () =>
    (visible ??= `(d.kind <> ALL($${params.push([...(s.nameHiddenKinds ?? [])])}::text[]) OR coalesce(d.correspondent->>'edrpou', '') <> '')`);
  const hidden = Boolean(s.nameHiddenKinds);
  // Every word of the query must be found, each in the text or (where the caller may see it) in
  // the correspondent's name. See searchWords for the words and textMatch for how. For a caller
  // who may not see citizens' names: found anywhere (the index) and, unless the name is one they
  // may see, in the text.
  for (const word of s.text ? searchWords(s.text) : []) {
    const w = textMatch(word, params);
    matches.push(hidden ? `(${w(SEARCH_ALL)} AND (${nameVisible()} OR ${w(SEARCH_TEXT)}))` : w(SEARCH_ALL));
  }
  matches.push(...fieldConditions(s, params));
  // A citizen's name is searched by a caller who may see it only: else the answer would tell who wrote.
  if (s.correspondent && hidden) matches.push(nameVisible());
  const limit = `$${params.push(s.limit)}`;
  const whereOf = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
  const newestFirst = 'ORDER BY d.received_at DESC, d.id DESC';
  const statement = `${CARD_SELECT} ${whereOf([...slice, ...scope, ...matches])} ${newestFirst} LIMIT ${limit}`;
  // No word the trigram index serves (none asked, or only words of one or two letters, a name's
  // visibility): no index can misjudge them, and the plain statement's newest-first walk is the
  // best there is.
  if (!matches.some(trigramServed)) return (await db.query<DocumentRow>(statement, params)).map(toCard);
  // Words are looked for in steps, each a plan the planner cannot get badly wrong. The planner
  // estimates a word's share of documents from a sample of a hundred or so whole texts: every
  // word of those texts, however rare, is taken for one in a hundred documents, and then it reads
  // the whole table newest first for fifty it will never find (a rare word of the search bench on
  // the embedded database: 300 ms instead of 2; a million documents on PostgreSQL: seconds).
  // First the newest N documents of the slice, read newest first by an index: a common word has
  // its page there, and a page found there is the answer (every match newer than its last is
  // among them). The rest of the scope is checked on those N, so a narrow scope (a system's
  // source, an executor's cards) never makes the look read more than N.
  const look = (rows: number) => db.query<DocumentRow>(
    `${CARD_COLUMNS} FROM (SELECT * FROM documents d ${whereOf(slice)} ${newestFirst} LIMIT ${rows}) d
      ${whereOf([...scope, ...matches])} ${newestFirst} LIMIT ${limit}`,
    params,
  );
  const walked = await look(NEWEST_FIRST_ROWS);
  if (walked.length >= s.limit) return walked.map(toCard);
  // Some found: their share among the newest says how far a page is. Twice that is looked through
  // the same way while the share is at least 0.5 % (the distance scales with the page): a word in
  // 2.5 % of the documents, 25 of the first thousand, has its page of 50 within about 2,000 rows,
  // where the index would fetch and sort all its documents (25,000 at a million: 130 ms, not 6).
  const far = walked.length ? Math.ceil((2 * s.limit * NEWEST_FIRST_ROWS) / walked.length) : Infinity;
  if (far <= (LONGER_WALK_ROWS * s.limit) / 50) {
    const further = await look(far);
    if (further.length >= s.limit) return further.map(toCard);
  }
  // Else the words are rarer than that: the trigram index finds them all and the newest are
  // taken. The planner, misled as above, would read the table whole or newest first instead: both
  // are ruled out for this statement (SET LOCAL, its transaction only).
  const found = await db.tx(async (q) => {
    await q.exec(`SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off`);
    return q.query<DocumentRow>(statement, params);
  });
  return found.map(toCard);
}

/** Whether a condition holds one the trigram index serves: textMatch's LIKE on the indexed text (SEARCH_ALL). */
const trigramServed = (condition: string): boolean => condition.includes(`${SEARCH_ALL} LIKE $`);

/** Whether a control card of the document names the executor (an executor's scope, 003 §158-160). */
export async function isExecutorOf(q: Queryable, documentId: string, executor: string): Promise<boolean> {
  const rows = await q.query("SELECT 1 FROM control_cards WHERE document_id = $1 AND card->'executors' ? $2 LIMIT 1", [documentId, executor]);
  return rows.length > 0;
}

/** The document's source (a system caller's scope), undefined when there is no such document. */
export async function sourceOf(q: Queryable, documentId: string): Promise<string | undefined> {
  const rows = await q.query<{ source: string }>('SELECT source FROM documents WHERE id = $1', [documentId]);
  return rows[0]?.source;
}
