/**
 * What the person at the terminal sees while a long import runs: one progress line on stderr,
 * rewritten in place on a terminal, a line every few seconds otherwise (a log file or a pipe
 * keeps readable lines), and the summary in Ukrainian with its plural forms (src/domain/plural-uk.ts).
 */
import { plural, pluralForm } from '../domain/plural-uk';
import type { FileProgress, FileSummary } from './file';

const number = new Intl.NumberFormat('uk-UA', { maximumFractionDigits: 0 });
export const fmt = (n: number): string => number.format(n);

const RECORDS = { one: 'запис', few: 'записи', many: 'записів' };
const ROWS = { one: 'рядок', few: 'рядки', many: 'рядків' };

/** «імпортовано 12 000 з 1 000 000 (1 234 рядки/с)». */
export function progressText(p: FileProgress): string {
  const rate = Math.round(p.rowsPerSecond);
  return `${p.file}: оброблено ${fmt(p.done)} з ${fmt(p.total)} (${fmt(rate)} ${pluralForm(rate, ROWS)}/с), імпортовано ${fmt(p.imported)}`;
}

/** «docs.csv: імпортовано 3 записи, уже були 2 записи, відхилено 1 рядок (відкладено: docs.rejects.csv, причини: docs.rejects.txt)». */
export function summaryText(s: Pick<FileSummary, 'file' | 'imported' | 'duplicate' | 'rejected' | 'rejectsFile' | 'reportFile' | 'seconds' | 'rows'>): string {
  const parts = [`імпортовано ${plural(s.imported, RECORDS)}`];
  parts.push(`уже були на обліку ${plural(s.duplicate, RECORDS)}`);
  parts.push(`відхилено ${plural(s.rejected, ROWS)}`);
  const aside = s.rejectsFile ? ` (відкладено: ${s.rejectsFile}, причини: ${s.reportFile})` : '';
  const rate = s.seconds > 0 ? Math.round(s.rows / s.seconds) : 0;
  return `${s.file}: ${parts.join(', ')}${aside}; ${fmt(s.rows)} ${pluralForm(s.rows, ROWS)} за ${s.seconds.toFixed(1)} с (${fmt(rate)} ${pluralForm(rate, ROWS)}/с)`;
}

export class ProgressLine {
  private last = 0;
  private shown = false;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr, private readonly everyMs = out.isTTY ? 200 : 5000) {}

  update(p: FileProgress): void {
    const now = Date.now();
    if (now - this.last < this.everyMs && p.done < p.total) return;
    this.last = now;
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${progressText(p)}`);
      this.shown = true;
    } else this.out.write(`${progressText(p)}\n`);
  }

  /** Ends the line being rewritten, before anything else is written. */
  clear(): void {
    if (this.shown && this.out.isTTY) this.out.write('\r\x1b[2K');
    this.shown = false;
  }
}
