/**
 * The department's report on citizens' appeals (the structure of seeds 000 and 002): totals,
 * written and oral, channels, who forwarded them, type, form, repeats and collective appeals,
 * questions by classifier topic with their share, and results summing to the total.
 * A pure function over appeal records.
 */
import { DEFAULT_CLASSIFIER, topicTitle, type AppealClassifier } from './classifier';
import {
  APPEAL_CHANNELS, APPEAL_RESULTS, REPORT_SOURCES, type AppealCard, type AppealRecord, type AppealReport, type AppealResult,
  type ReportSource,
} from './types';

export interface ReportOptions {
  /** Inclusive Kyiv dates of receipt; absent = open. */
  from?: string;
  to?: string;
  classifier?: AppealClassifier;
  /**
   * Calls on the «Пряма лінія» answered orally, with no registration card (003 §87-91; stored
   * apart from appeals, src/appeals/direct-line.ts): counted in directLine.calls and
   * answeredOrally only, never in the total or the questions (seed 000 line 25).
   */
  directLineCalls?: Iterable<{ receivedOn: string; /** calls that day; 1 when absent */ count?: number }>;
}

const HOTLINE_CHANNELS = new Set<AppealCard['channel']>(['hotline-1545', 'oblast-contact-centre', 'city-contact-centre']);
const TELEPHONE_CHANNELS = new Set<AppealCard['channel']>(['direct-line', 'trust-phone']);

/**
 * Where an appeal came from, as the reports group it (000: «місцевих», «з виконкому … міської
 * ради», «з прокуратури»; 002: higher authorities with the hotline 1545 and the oblast contact centre).
 */
export function reportSource(card: AppealCard): ReportSource {
  switch (card.forwardedBy.body) {
    case 'none':
      return card.channel === 'hotline-1545' || card.channel === 'oblast-contact-centre' ? 'higher-authority' : card.channel === 'city-contact-centre' ? 'city-contact-centre' : 'local';
    case 'higher-authority':
    case 'government-contact-centre':
    case 'oblast-contact-centre':
      return 'higher-authority';
    case 'city-contact-centre':
      return 'city-contact-centre';
    case 'city-executive':
      return 'city-executive';
    case 'prosecutor':
      return 'prosecutor';
    case 'mp':
      return 'mp';
    default:
      return 'other';
  }
}

function viaHotline(card: AppealCard): boolean {
  return card.channel === 'hotline-1545' || card.channel === 'oblast-contact-centre' || card.forwardedBy.body === 'government-contact-centre' || card.forwardedBy.body === 'oblast-contact-centre';
}

/**
 * The result a record is counted under. Not yet answered: on control; returned to the author:
 * explained (003 §105 «з відповідними роз'ясненнями»); anonymous: refused (§106: not considered);
 * forwarded by competence: forwarded.
 */
export function reportResult(record: AppealRecord): AppealResult {
  if (record.result) return record.result;
  switch (record.status) {
    case 'returned':
      return 'explained';
    case 'not-considered':
      return 'refused';
    case 'forwarded':
      return 'forwarded';
    default:
      return 'on-control';
  }
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Whole percent, half up (002: 3658 of 5121 → «71%»). */
export function wholePercent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 100) : 0;
}

/** Percent with one decimal (002: 3773 of 3799 → «99,3%»). */
export function percentOneDecimal(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 10 : null;
}

export function buildAppealReport(records: Iterable<AppealRecord>, options: ReportOptions = {}): AppealReport {
  const classifier = options.classifier ?? DEFAULT_CLASSIFIER;
  const r: AppealReport = {
    period: { from: options.from ?? null, to: options.to ?? null },
    total: 0,
    written: { total: 0, bySource: zeros(REPORT_SOURCES) },
    oral: { total: 0 },
    byChannel: zeros(APPEAL_CHANNELS),
    byChannelGroup: { telephone: 0, hotlines: 0 },
    byForwardingBody: zeros(REPORT_SOURCES),
    higherAuthority: { total: 0, viaHotlines: 0, viaHotlinesPercent: null },
    directLine: { calls: 0, registered: 0, answeredOrally: 0 },
    byType: { proposal: 0, application: 0, complaint: 0 },
    byForm: { individual: 0, collective: 0, anonymous: 0 },
    repeat: 0,
    duplicate: 0,
    resubmitted: 0,
    collective: 0,
    citizens: 0,
    notConsidered: { anonymous: 0, returned: 0 },
    questions: { total: 0, byTopic: [], byGroup: [] },
    byResult: zeros(APPEAL_RESULTS),
  };
  const topicQuestions = new Map<string, number>();
  const topicAppeals = new Map<string, number>();
  const groupAppeals = new Map<string, number>();
  for (const record of records) {
    const card = record.card;
    if (options.from && card.receivedOn < options.from) continue;
    if (options.to && card.receivedOn > options.to) continue;
    if (card.channel === 'direct-line') {
      r.directLine.calls++;
      if (record.registered) r.directLine.registered++;
      else r.directLine.answeredOrally++;
    }
    // A call answered on the spot without a registration card is not in the total (000 line 25).
    if (!record.registered) continue;
    r.total++;
    const source = reportSource(card);
    if (card.submission === 'written') {
      r.written.total++;
      r.written.bySource[source]++;
    } else r.oral.total++;
    r.byChannel[card.channel]++;
    if (TELEPHONE_CHANNELS.has(card.channel)) r.byChannelGroup.telephone++;
    if (HOTLINE_CHANNELS.has(card.channel)) r.byChannelGroup.hotlines++;
    r.byForwardingBody[source]++;
    if (source === 'higher-authority') {
      r.higherAuthority.total++;
      if (viaHotline(card)) r.higherAuthority.viaHotlines++;
    }
    r.byType[card.type]++;
    const form = record.status === 'not-considered' ? 'anonymous' : card.form;
    r.byForm[form]++;
    if (record.recurrence === 'repeat') r.repeat++;
    if (record.recurrence === 'duplicate') r.duplicate++;
    if (record.recurrence === 'resubmitted') r.resubmitted++;
    if (form === 'collective') r.collective++;
    r.citizens += card.applicants.length;
    if (record.status === 'not-considered') r.notConsidered.anonymous++;
    if (record.status === 'returned') r.notConsidered.returned++;
    r.byResult[reportResult(record)]++;
    r.questions.total += card.topics.length;
    const seen = new Set<string>();
    for (const code of card.topics) {
      topicQuestions.set(code, (topicQuestions.get(code) ?? 0) + 1);
      if (!seen.has(code)) {
        seen.add(code);
        topicAppeals.set(code, (topicAppeals.get(code) ?? 0) + 1);
      }
    }
    const roots = new Set([...seen].map((c) => c.slice(0, 3)));
    for (const g of classifier.reportGroups) {
      if (g.codes.some((c) => seen.has(c) || roots.has(c))) groupAppeals.set(g.id, (groupAppeals.get(g.id) ?? 0) + 1);
    }
  }
  // 000 line 25: «прийнято 567 телефонних звернень …, на 184 … заведено … картки …, на решту надано
  // усні роз’яснення»: calls = cards (above) + the calls answered orally.
  for (const call of options.directLineCalls ?? []) {
    if (options.from && call.receivedOn < options.from) continue;
    if (options.to && call.receivedOn > options.to) continue;
    r.directLine.calls += call.count ?? 1;
    r.directLine.answeredOrally += call.count ?? 1;
  }
  const total = r.questions.total;
  r.questions.byTopic = [...topicQuestions]
    .map(([code, questions]) => ({ code, title: topicTitle(classifier, code), questions, appeals: topicAppeals.get(code) ?? 0, percent: wholePercent(questions, total) }))
    .sort((a, b) => b.questions - a.questions || a.code.localeCompare(b.code));
  r.questions.byGroup = classifier.reportGroups.map((g) => {
    let questions = 0;
    for (const [code, n] of topicQuestions) if (g.codes.includes(code) || g.codes.includes(code.slice(0, 3))) questions += n;
    return { id: g.id, title: g.title, codes: [...g.codes], questions, appeals: groupAppeals.get(g.id) ?? 0, percent: wholePercent(questions, total) };
  });
  r.higherAuthority.viaHotlinesPercent = percentOneDecimal(r.higherAuthority.viaHotlines, r.higherAuthority.total);
  return r;
}
