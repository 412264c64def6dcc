import { ARCHIVE_BATCH, importBatch, jsonLineRow, type ArchiveDeps, type ArchiveRow } from '../../archive';
import type { Config } from '../../config';
import { configuredCalendar } from '../../control/terms';
import { HubError } from '../../errors';
import { auditActor } from '../../identity';
import type { PipelineDeps } from '../../pipeline';
import { decodeUtf8 } from '../../pipeline/strict-json';
import { jsonBody, rawBody } from '../hostile';
import { principalOf, secureRouter, type SecureRouter } from '../secure-router';

const SOURCE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The body's rows: a JSON array (row n is element n, from 1) or JSON lines (row n is line n). */
function rowsOf(received: unknown): ArchiveRow[] {
  const body = Buffer.isBuffer(received) ? decodeUtf8(received) : received;
  if (Array.isArray(body)) return body.map((record, i) => ({ line: i + 1, raw: JSON.stringify(record), record }));
  if (typeof body === 'string') {
    const rows: ArchiveRow[] = [];
    body.split('\n').forEach((text, i) => {
      const row = jsonLineRow(text, i + 1);
      if (row) rows.push(row);
    });
    return rows;
  }
  throw HubError.of('VALIDATION_FAILED', {
    problem: 'the body is a JSON array of archive records, or JSON lines (application/x-ndjson)',
    problemUk: 'тіло запиту — масив JSON записів архіву або JSON lines (application/x-ndjson)',
  });
}

/**
 * POST /api/v1/archive/import: the EDMS (or the administrator) sends the archive in batches of up
 * to ARCHIVE_BATCH rows, each row answered: imported, already on file, or rejected with its
 * violations in Ukrainian and English (src/archive). Sending a batch again imports nothing twice.
 */
export function archiveRouter(deps: PipelineDeps & { config?: Config }): SecureRouter {
  const r = secureRouter();
  const calendar = configuredCalendar(deps.config ?? { calendar: 'law-in-force' });
  const archive: ArchiveDeps = { db: deps.db, routing: deps.routing, appeals: { calendar }, now: () => deps.clock.now() };
  r.post(
    '/import',
    'archive:import',
    jsonBody({ limit: '50mb' }),
    // JSON lines as bytes, decoded strictly (invalid UTF-8 is refused, never U+FFFD); each line is
    // parsed as strictly by rowsOf. A body refused as a whole is kept in quarantine as sent (issue 14).
    rawBody({ type: ['application/x-ndjson', 'application/jsonl', 'application/jsonlines', 'text/plain'], limit: '50mb' }),
    async (req, res) => {
      const who = principalOf(req);
      const source = typeof req.query.source === 'string' && req.query.source ? req.query.source : 'archive';
      if (!SOURCE.test(source)) throw HubError.of('INVALID_QUERY', { parameter: 'source' });
      const rows = rowsOf(req.body);
      if (rows.length > ARCHIVE_BATCH) {
        throw HubError.of('PAYLOAD_TOO_LARGE', {
          rows: rows.length, maxRows: ARCHIVE_BATCH,
          problem: `${rows.length} rows in one batch; send at most ${ARCHIVE_BATCH}`,
          problemUk: `у пакеті ${rows.length} рядків; надсилайте не більше ${ARCHIVE_BATCH}`,
        });
      }
      const outcomes = await importBatch(archive, rows, {
        defaultSource: source, actor: auditActor(who), origin: 'http',
        ...(who.sources ? { allowedSources: who.sources } : {}),
      });
      const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
      res.json({ imported: count('imported'), duplicate: count('duplicate'), rejected: count('rejected'), rows: outcomes });
    },
  );
  return r;
}
