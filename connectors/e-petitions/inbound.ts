import { HubError } from '../../src/errors';
import { HOSTILE_CODES, parseJson } from '../../src/pipeline/strict-json';
import { DEFAULT_CLASSIFIER, isKnownTopic } from '../../src/domain/appeals';
import { addDays, kyivDate } from '../../src/domain/clock';
import { petitionError } from '../../src/petitions/errors';
import { violations, type PetitionExport, type PetitionPlatformState, type PetitionSnapshot, type SchemaViolation } from '../../src/schemas';
import type { EPetitionsConfig } from './config';

/** The pipeline source of registered petitions (their externalId is the platform id). */
export const SOURCE = 'e-petition';

const PLATFORM_STATES: Record<PetitionExport['status'], PetitionPlatformState> = {
  active: 'collecting',
  closed: 'collection-ended',
  on_consideration: 'under-consideration',
  answered: 'answered',
};

function invalid(found: SchemaViolation[]): never {
  throw petitionError('PETITION_INVALID', { violations: found });
}

/** The E-DEM page of the petition, when the export gives no url. */
export function platformUrl(community: string, id: string): string {
  return `https://petition.e-dem.ua/${community}/Petition/View/${encodeURIComponent(id)}`;
}

/**
 * One platform export (schemas/petition-export.schema.json) → the canonical snapshot. The
 * petition's own threshold and end of collection win over the statute's (PETITION_THRESHOLD,
 * PETITION_COLLECTION_DAYS). A function of the export and the settings only, so the same export
 * maps to the same snapshot. Throws PETITION_INVALID with every violation.
 */
export function snapshotOf(raw: unknown, config: EPetitionsConfig): PetitionSnapshot {
  const found = violations('petition-export.schema.json', raw);
  if (found.length) invalid(found);
  const e = raw as PetitionExport;
  const id = String(e.id);
  const publishedOn = kyivDate(new Date(e.published_at));
  // ЦК ст. 253: a period of days runs from the day after publication.
  const collectionEndsOn = e.end_date ?? addDays(publishedOn, config.collectionDays);
  if (collectionEndsOn < publishedOn) invalid([{ path: '/end_date', message: `must not be before publication (${publishedOn})`, messageUk: `не може бути раніше за оприлюднення (${publishedOn})` }]);
  if (Date.parse(e.exported_at) < Date.parse(e.published_at)) invalid([{ path: '/exported_at', message: 'must not be before published_at', messageUk: 'не може бути раніше за published_at' }]);
  // Law «Про звернення громадян» art. 23-1: the threshold is reached while signatures are collected.
  if (e.threshold_reached_at !== undefined) {
    const reached = Date.parse(e.threshold_reached_at);
    const wrong: SchemaViolation[] = [];
    if (reached < Date.parse(e.published_at)) wrong.push({ path: '/threshold_reached_at', message: 'must not be before published_at', messageUk: 'не може бути раніше за оприлюднення петиції (ст. 23-1 Закону «Про звернення громадян»)' });
    if (reached > Date.parse(e.exported_at)) wrong.push({ path: '/threshold_reached_at', message: 'must not be after exported_at', messageUk: 'не може бути пізніше за exported_at' });
    if (kyivDate(new Date(e.threshold_reached_at)) > collectionEndsOn) wrong.push({ path: '/threshold_reached_at', message: `must not be after the end of collection (${collectionEndsOn})`, messageUk: `не може бути пізніше за завершення збору підписів (${collectionEndsOn}; ст. 23-1 Закону «Про звернення громадян»)` });
    if (e.votes < (e.votes_needed ?? config.threshold)) wrong.push({ path: '/threshold_reached_at', message: 'given while votes are below the threshold', messageUk: 'зазначено, хоча підписів менше за необхідну кількість' });
    if (wrong.length) invalid(wrong);
  }
  // Topics are the appeals classifier's codes, like any appeal's (постанова КМУ № 858).
  const unknown: SchemaViolation[] = (e.topics ?? []).flatMap((code, i) => isKnownTopic(DEFAULT_CLASSIFIER, code) ? [] : [{
    path: `/topics/${i}`, message: `${code} is not in the appeals classifier`, messageUk: `${code} немає в класифікаторі звернень (постанова КМУ № 858)`,
  }]);
  if (unknown.length) invalid(unknown);
  const a = e.author;
  const author: PetitionSnapshot['author'] = { fullName: a.name.trim() };
  if (a.email) author.email = a.email;
  if (a.phone) author.phone = a.phone;
  if (a.address) author.address = a.address;
  const snapshot: PetitionSnapshot = {
    platformId: `${e.community}/${id}`,
    number: e.number ?? id,
    url: e.url ?? platformUrl(e.community, id),
    title: e.title.trim(),
    text: e.text ?? '',
    author,
    publishedOn,
    collectionEndsOn,
    votes: e.votes,
    threshold: e.votes_needed ?? config.threshold,
    thresholdSource: e.votes_needed === undefined ? 'statute' : 'platform',
    platformState: PLATFORM_STATES[e.status],
    capturedAt: new Date(e.exported_at).toISOString(),
  };
  if (e.threshold_reached_at !== undefined) snapshot.thresholdReachedAt = new Date(e.threshold_reached_at).toISOString();
  if (e.topics?.length) snapshot.topics = [...new Set(e.topics)];
  const wrong = violations('petition-snapshot.schema.json', snapshot);
  if (wrong.length) invalid(wrong);
  return snapshot;
}

/** The bytes of an export → snapshot; not JSON is PETITION_INVALID too. */
export function decodePetitionExport(payload: Buffer, config: EPetitionsConfig): PetitionSnapshot {
  let raw: unknown;
  try {
    // Strict: not UTF-8, a NUL, a lone surrogate or deep nesting keep their own codes (issue 14).
    raw = parseJson(payload);
  } catch (err) {
    if (err instanceof HubError && HOSTILE_CODES.has(err.code)) throw err;
    const parser = err instanceof HubError ? String((err.details as { parser?: string } | undefined)?.parser ?? err.message) : (err as Error).message;
    invalid([{ path: '/', message: `not valid JSON: ${parser}`, messageUk: 'не є коректним JSON' }]);
  }
  return snapshotOf(raw, config);
}
