/**
 * The appeals report for staff, CSV or XLSX from one definition (src/exports): one figure per
 * row, its section and Ukrainian title, the count and, where the report has one, the share.
 */
import { decimal, integer, text, type Table } from '../../exports';
import { APPEAL_CHANNELS, APPEAL_RESULTS, REPORT_SOURCES, type AppealReport } from './types';
import { CHANNEL_UK, FORM_UK, RESULT_UK, SOURCE_UK, TYPE_UK } from './labels-uk';

/** One figure of the report; the share is in percent (71 is 71 %), as the report gives it. */
export interface AppealReportRow {
  section: string;
  title: string;
  count: number;
  share: number | null;
}

export const APPEAL_REPORT_TABLE: Table<AppealReportRow> = {
  title: 'Звіт про звернення громадян',
  fileName: 'appeals-report',
  columns: [
    text('Розділ', (r) => r.section),
    text('Показник', (r) => r.title),
    integer('Кількість', (r) => r.count),
    decimal('Частка, %', (r) => r.share),
  ],
};

export function appealReportRows(r: AppealReport): AppealReportRow[] {
  const rows: AppealReportRow[] = [];
  const add = (section: string, title: string, count: number, share: number | null = null) => rows.push({ section, title, count, share });
  const S = { total: 'Загалом', how: 'За формою подання', channel: 'За каналами надходження', source: 'Звідки надійшли', type: 'За видами', form: 'За формою', sign: 'За ознакою надходження', topic: 'Порушені питання', result: 'Результати розгляду' };
  add(S.total, 'Зареєстровано звернень', r.total);
  add(S.total, 'Громадян, що звернулися', r.citizens);
  add(S.how, 'письмових', r.written.total);
  for (const s of REPORT_SOURCES) add(S.how, `письмових ${SOURCE_UK[s]}`, r.written.bySource[s]);
  add(S.how, 'усних', r.oral.total);
  for (const c of APPEAL_CHANNELS) add(S.channel, CHANNEL_UK[c], r.byChannel[c]);
  add(S.channel, 'через засоби телефонного зв’язку (пряма лінія, телефон довіри)', r.byChannelGroup.telephone);
  add(S.channel, 'через «гарячі лінії» та контакт-центри', r.byChannelGroup.hotlines);
  add(S.channel, '«Пряма телефонна лінія»: прийнято дзвінків', r.directLine.calls);
  add(S.channel, '«Пряма телефонна лінія»: заведено реєстраційно-контрольні картки', r.directLine.registered);
  add(S.channel, '«Пряма телефонна лінія»: надано усні роз’яснення', r.directLine.answeredOrally);
  for (const s of REPORT_SOURCES) add(S.source, SOURCE_UK[s], r.byForwardingBody[s]);
  add(S.source, 'з них через урядову «гарячу лінію» та обласний контактний центр', r.higherAuthority.viaHotlines, r.higherAuthority.viaHotlinesPercent);
  for (const t of ['proposal', 'application', 'complaint'] as const) add(S.type, TYPE_UK[t], r.byType[t]);
  for (const f of ['individual', 'collective', 'anonymous'] as const) add(S.form, FORM_UK[f], r.byForm[f]);
  add(S.sign, 'повторних («П»)', r.repeat);
  add(S.sign, 'дублетних', r.duplicate);
  add(S.sign, 'неодноразових', r.resubmitted);
  add(S.sign, 'колективних', r.collective);
  add(S.sign, 'анонімних (не розглядалися)', r.notConsidered.anonymous);
  add(S.sign, 'повернуто авторам (ст. 5 Закону)', r.notConsidered.returned);
  add(S.topic, 'Порушено питань', r.questions.total);
  for (const g of r.questions.byGroup) add(S.topic, `${g.title} (${g.codes.join(', ')})`, g.questions, g.percent);
  for (const t of r.questions.byTopic) add(S.topic, `${t.code} ${t.title}`, t.questions, t.percent);
  for (const k of APPEAL_RESULTS) add(S.result, RESULT_UK[k], r.byResult[k]);
  return rows;
}
