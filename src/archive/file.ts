/**
 * One archive file, start to end: read it streaming, import it in batches (one transaction each),
 * keep the bad rows aside next to it — `FILE.rejects.csv` (or `.jsonl`) with their exact text, and
 * `FILE.rejects.txt` saying file:line:field and why, in Ukrainian — and count. An interrupted run
 * loses at most the batch in flight; running the file again imports only what is not on file yet.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ARCHIVE_BATCH, checkBatch, commitBatch, type ArchiveDeps, type BatchOptions, type CheckedBatch, type RowOutcome } from './importer';
import { countRows, formatOf, jsonField, readCsvRows, readJsonLines, type ArchiveRow, type FieldLabel } from './rows';

export interface FileSummary {
  file: string;
  rows: number;
  imported: number;
  duplicate: number;
  rejected: number;
  seconds: number;
  /** Where the rejected rows were kept (absent when none). */
  rejectsFile?: string;
  reportFile?: string;
}

export interface FileProgress {
  file: string;
  done: number;
  total: number;
  imported: number;
  rowsPerSecond: number;
}

export interface FileOptions extends Omit<BatchOptions, 'label' | 'origin'> {
  batchSize?: number;
  onProgress?: (p: FileProgress) => void;
  /** Each rejected row's reason lines (file:line: field: message), as they come. */
  onRejected?: (lines: string[]) => void;
}

/** The paths the rejected rows of `file` are kept in: `x.rejects.csv` and `x.rejects.txt` beside `x.csv`. */
export function rejectsPaths(file: string): { rows: string; report: string } {
  const ext = extname(file);
  const stem = join(dirname(file), basename(file, ext));
  return { rows: `${stem}.rejects${ext || '.jsonl'}`, report: `${stem}.rejects.txt` };
}

/** `docs.csv:7: поле «regNumber»: …` — what a clerk reads, one line per violation. */
export function rejectLines(file: string, o: Extract<RowOutcome, { outcome: 'rejected' }>): string[] {
  return o.violations.map((v) => `${file}:${o.line}: поле «${v.field}»: ${v.messageUk}`);
}

export async function importFile(deps: ArchiveDeps, file: string, opts: FileOptions): Promise<FileSummary> {
  const format = formatOf(file);
  const total = await countRows(file, format);
  let label: FieldLabel = jsonField;
  let header = '';
  const source: AsyncIterable<ArchiveRow> = format === 'csv'
    ? readCsvRows(file, (l, h) => { label = l; header = h; })
    : readJsonLines(file);
  const paths = rejectsPaths(file);
  let rowsOut: WriteStream | undefined;
  let reportOut: WriteStream | undefined;
  const summary: FileSummary = { file, rows: 0, imported: 0, duplicate: 0, rejected: 0, seconds: 0 };
  const started = performance.now();
  const batchSize = opts.batchSize ?? ARCHIVE_BATCH;

  const flush = async (checked: CheckedBatch) => {
    const batch = checked.rows;
    const outcomes = await commitBatch(deps, checked, { ...opts, label, origin: file });
    outcomes.forEach((o, i) => {
      summary.rows++;
      if (o.outcome === 'imported') summary.imported++;
      else if (o.outcome === 'duplicate') summary.duplicate++;
      else if (o.outcome === 'rejected') {
        summary.rejected++;
        if (!rowsOut) {
          rowsOut = createWriteStream(paths.rows);
          reportOut = createWriteStream(paths.report);
          if (format === 'csv') rowsOut.write(`${header}\n`);
        }
        rowsOut.write(`${(batch[i] as ArchiveRow).raw}\n`);
        const lines = rejectLines(file, o);
        reportOut!.write(`${lines.join('\n')}\n`);
        opts.onRejected?.(lines);
      }
    });
    const seconds = (performance.now() - started) / 1000;
    opts.onProgress?.({ file, done: summary.rows, total: Math.max(total, summary.rows), imported: summary.imported, rowsPerSecond: seconds > 0 ? summary.rows / seconds : 0 });
  };

  // One batch commits while the next is read and checked; they commit in the file's order.
  let inFlight: Promise<void> = Promise.resolve();
  const next = async (rows: ArchiveRow[]) => {
    const checked = checkBatch(deps, rows, { ...opts, label, origin: file });
    await inFlight;
    inFlight = flush(checked);
    inFlight.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  };
  try {
    let batch: ArchiveRow[] = [];
    for await (const row of source) {
      batch.push(row);
      if (batch.length >= batchSize) {
        await next(batch);
        batch = [];
      }
    }
    if (batch.length) await next(batch);
    await inFlight;
  } finally {
    await inFlight.catch(() => undefined);
    await Promise.all([rowsOut, reportOut].map((s) => s && new Promise((resolve) => s.end(resolve))));
  }
  if (rowsOut) {
    summary.rejectsFile = paths.rows;
    summary.reportFile = paths.report;
  } else {
    // A clean run leaves no stale rejects of an earlier one beside the file.
    rmSync(paths.rows, { force: true });
    rmSync(paths.report, { force: true });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
