/**
 * Helpers for the appeals tests: HTTP calls with a role, and submissions carrying an appeal card
 * in meta.appeal. People are made up at test time (src/domain/appeals/testing), never real.
 */
import { expect } from 'chai';
import type { AppealCard } from '../../src/domain/appeals';
import { applicantOf } from '../../src/domain/appeals/testing/fake-cards';
import type { FakePerson } from '../../src/domain/appeals/testing/fake-people';
import type { Hub } from '../../src/hub';
import { submission } from '../support/hub';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const OFFICER = { 'x-dilovod-role': 'appeals-officer' };

export async function call(hub: Hub, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json; text: string; type: string }> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, json: text && type.includes('json') ? JSON.parse(text) : text, text, type };
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
export async function registerAppeal(hub: Hub, sub: Record<string, unknown>): Promise<{ doc: Json; appeal: Json }> {
  const res = await call(hub, 'POST', '/api/v1/documents', sub);
  expect(res.status, JSON.stringify(res.json)).to.equal(201);
  const appeal = await call(hub, 'GET', `/api/v1/documents/${res.json.id}/appeal`, undefined, OFFICER);
  expect(appeal.status).to.equal(200);
  return { doc: res.json, appeal: appeal.json };
}

export function decision(appeal: Json, rule: string): Json {
  return appeal.intake.decisions.find((d: Json) => d.rule === rule);
}
