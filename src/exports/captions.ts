/**
 * What tells a reader what an export holds: the row under the title (the period, the filters, the
 * date it stands at, whether it is a single page) and the file's name. Ukrainian, plural forms by
 * Intl.PluralRules('uk') (src/domain/plural-uk.ts): «1 запис», «2 записи», «5 записів».
 */
import { dateUk } from '../domain/csv';
import { plural } from '../domain/plural-uk';

/** «Період: з 01.06.2026 по 30.06.2026»; one end only: «з …» or «по …»; none: nothing. */
export function periodUk(from: string | undefined, to: string | undefined, label = 'Період'): string | undefined {
  if (!from && !to) return undefined;
  return `${label}: ${[from && `з ${dateUk(from)}`, to && `по ${dateUk(to)}`].filter(Boolean).join(' ')}`;
}

export const asOfUk = (today: string): string => `станом на ${dateUk(today)}`;

/** «стан: на контролі»; nothing when the filter was not given. */
export const filterUk = (label: string, value: string | undefined | null): string | undefined => (value ? `${label}: ${value}` : undefined);

/** A page of a longer list: said in the file, so nobody takes it for the whole. */
export const pageNoteUk = (shown: number): string =>
  `неповний перелік: ${plural(shown, { one: 'запис', few: 'записи', many: 'записів' })} на цій сторінці, наступна — за курсором X-Next-Cursor`;

/** The parts given, '; ' between them, the first letter capital; none: every record, no filter. */
export function captionUk(parts: ReadonlyArray<string | false | null | undefined>): string {
  const s = parts.filter((p): p is string => Boolean(p)).join('; ');
  return s ? s[0]!.toUpperCase() + s.slice(1) : 'Усі записи, без відбору';
}

/** 'discipline_2026-06-01_2026-06-30.xlsx': the stem, then the period or date, safe in any header. */
export function exportFileName(stem: string, ext: 'csv' | 'xlsx', ...qualifiers: Array<string | undefined>): string {
  const safe = qualifiers.filter((q): q is string => Boolean(q)).map((q) => q.replace(/[^A-Za-z0-9.-]+/g, '-'));
  return `${[stem, ...safe].join('_')}.${ext}`;
}
