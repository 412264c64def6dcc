/**
 * Helpers for the appeals tests: HTTP calls with a role, and submissions carrying an appeal card
 * in meta.appeal. People are made up at test time (src/domain/appeals/testing), never real.
 */
import { expect } from 'chai';
import type { AppealCard } from '../../src/domain/appeals';
import { applicantOf } from '../../src/domain/appeals/testing/fake-cards';
import type { FakePerson } from '../../src/domain/appeals/testing/fake-people';
import type { Hub } from '../../src/hub';
import type { Role } from '../../src/identity';
import { assertConforms } from '../support/contract';
import { submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken } from '../support/identity';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * Who calls, in these tests: `x-test-role` names a job, and `headersFor` turns it into that
 * person's real token (the hub itself knows no such header). No job: a clerk who registers,
 * controls and audits but was not granted personal data.
 */
export const TEST_ROLE = 'x-test-role';
export const OFFICER = { [TEST_ROLE]: 'appeals-officer' };

const JOBS: Record<string, Role[]> = {
  'appeals-officer': ['appeals-officer'],
  'general-department': ['registrar', 'personal-data'],
  clerk: ['registrar', 'controller', 'auditor'],
};

const tokens = new WeakMap<object, Map<string, Promise<Record<string, string>>>>();

/** Real Authorization headers for a job (cached per hub), or for a named person acting. */
export function headersFor(hub: Hub, job = 'clerk'): Promise<Record<string, string>> {
  let byJob = tokens.get(hub);
  if (!byJob) tokens.set(hub, (byJob = new Map()));
  let got = byJob.get(job);
  if (!got) {
    got = (async () => bearer(await personToken(hub.db, `test-${job}`, JOBS[job] ?? JOBS.clerk!)))();
    byJob.set(job, got);
  }
  return got;
}

export async function call(hub: TestHub, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json; text: string; type: string }> {
  const { [TEST_ROLE]: job, ...rest } = headers;
  let sent = body;
  let auth = await headersFor(hub, job);
  if (body && typeof body === 'object' && !Array.isArray(body) && typeof (body as { actor?: unknown }).actor === 'string') {
    const { actor, ...others } = body as { actor: string };
    auth = await hub.as(actor);
    sent = others;
    // These tests are about appeals, not the directory: everyone a resolution names is in it.
    const named = others as { executors?: unknown; author?: unknown; controller?: unknown };
    const people = [...(Array.isArray(named.executors) ? named.executors : []), named.author, named.controller].filter((x): x is string => typeof x === 'string');
    if (people.length) await ensureStaff(hub.db, people.filter(Boolean));
  }
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...auth, ...(sent === undefined ? {} : { 'content-type': 'application/json' }), ...rest },
    body: sent === undefined ? undefined : JSON.stringify(sent),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const json = text && type.includes('json') ? JSON.parse(text) : text;
  // Like test/support/http.ts: every answer is checked against the published contract.
  assertConforms(hub, method, path, { status: res.status, contentType: res.headers.get('content-type'), json, text });
  return { status: res.status, json, text, type };
}

export type CardInput = Omit<AppealCard, 'id' | 'receivedOn'>;

/** A complete written appeal by post from one person: what art. 5 asks for is there. */
export function cardFor(people: FakePerson[], over: Partial<CardInput> = {}): CardInput {
  return {
    writtenOn: '2026-03-05',
    type: 'application',
    form: people.length > 1 ? 'collective' : 'individual',
    submission: 'written',
    channel: 'post',
    forwardedBy: { body: 'none', underControl: false },
    applicants: people.map(applicantOf),
    topics: ['009'],
    summary: 'Щодо ремонту покрівлі багатоквартирного будинку',
    signed: true,
    dated: true,
    newFacts: false,
    ...over,
  };
}

/** A citizen-appeal submission with the card in meta.appeal; receivedAt 9 March 2026 unless told. */
export function appealSubmission(card: Partial<CardInput> | null, over: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): Record<string, unknown> {
  const first = card?.applicants?.[0];
  return submission({
    kind: 'citizen-appeal',
    source: 'edms',
    correspondent: { name: first?.fullName ?? 'Заявник' },
    outgoing: undefined,
    summary: card?.summary ?? 'Звернення громадянина',
    ...over,
    meta: card === null ? meta : { appeal: card, ...meta },
  });
}

/** Registers a submission over HTTP and returns its document card and the appeal as an officer sees it. */
export async function registerAppeal(hub: TestHub, sub: Record<string, unknown>): Promise<{ doc: Json; appeal: Json }> {
  const res = await call(hub, 'POST', '/api/v1/documents', sub);
  expect(res.status, JSON.stringify(res.json)).to.equal(201);
  const appeal = await call(hub, 'GET', `/api/v1/documents/${res.json.id}/appeal`, undefined, OFFICER);
  expect(appeal.status).to.equal(200);
  return { doc: res.json, appeal: appeal.json };
}

export function decision(appeal: Json, rule: string): Json {
  return appeal.intake.decisions.find((d: Json) => d.rule === rule);
}
