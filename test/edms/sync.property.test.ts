/**
 * Issue 11's quality bar: for 1,000 control cards and random interleavings of what people do in
 * the hub and in the EDMS, with webhook deliveries refused at random, repeated commands, commands
 * held back and sent out of order, and an outage of either side (the EDMS's port really closed;
 * the hub unreachable for the EDMS), both sides end with the same state for every card, every
 * refused command is explained, and nothing is applied twice. Generated with fast-check; the hub
 * runs on the real PostgreSQL with its real clock, the EDMS is a real HTTP service.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { systemClock } from '../../src/domain/clock';
import { call } from '../support/http';
import { startTestHub, submission, type TestHub } from '../support/hub';
import { bearer, ensureStaff, personToken, systemToken } from '../support/identity';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { waitFor } from '../support/wait';
import { EdmsSimulator } from './edms-simulator';

type Json = any;
type Action = 'interim' | 'extension-request' | 'execution' | 'release';

const COMMAND: Record<Action, string> = { interim: 'interim-answer', 'extension-request': 'extension-request', execution: 'execution', release: 'release' };
const ROUTE: Record<Action, string> = { interim: 'interim-answers', 'extension-request': 'extension-requests', execution: 'execution', release: 'release' };

function bodyOf(action: Action, term: string, i: number): Record<string, unknown> {
  if (action === 'interim') return { text: `Проміжна відповідь ${i}` };
  if (action === 'extension-request') return { newTerm: new Date(Date.parse(term) + 20 * 86_400_000).toISOString().slice(0, 10), reason: 'Потрібен висновок' };
  if (action === 'execution') return { onMerits: true, answer: { summary: 'Виконано', outgoingIndex: `01-10/${i}` } };
  return {};
}

/** A seeded generator for decisions inside one run (which deliveries the EDMS refuses, the order of held-back commands). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
}

const window = fc.record({ at: fc.double({ min: 0, max: 0.35, noNaN: true }), length: fc.double({ min: 0.05, max: 0.15, noNaN: true }) });
const scenario = (cards: number) => fc.record({
  steps: fc.array(
    fc.record({ card: fc.nat({ max: cards - 1 }), side: fc.constantFrom('hub', 'edms'), action: fc.constantFrom<Action>('interim', 'extension-request', 'execution', 'release'), duplicate: fc.boolean() }),
    { minLength: cards, maxLength: Math.ceil(cards * 1.5) },
  ),
  seed: fc.integer(),
  failRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
  edmsOutage: window,
  hubOutage: window,
  // One outage in the first half of the run, the other in the second, in either order.
  edmsFirst: fc.boolean(),
}).map((sc) => ({
  ...sc,
  edmsOutage: { ...sc.edmsOutage, at: sc.edmsOutage.at + (sc.edmsFirst ? 0 : 0.5) },
  hubOutage: { ...sc.hubOutage, at: sc.hubOutage.at + (sc.edmsFirst ? 0.5 : 0) },
}));

type Scenario = ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never;

describe('EDMS sync: both sides end with the same state (fast-check, real PostgreSQL, a real EDMS service)', function () {
  this.timeout(900_000);
  let testDb: TestDatabase;
  let hub: TestHub;
  const sim = new EdmsSimulator();
  const as: Record<string, Record<string, string>> = {};
  let run = 0;
  /** What the runs went through, so a test that exercised nothing cannot pass. */
  const seen = { commands: 0, stale: 0, byRule: 0, held: 0 };

  before(async () => {
    testDb = await createTestDatabase('sync');
    hub = await startTestHub(
      { databaseUrl: testDb.url, webhooks: { intervalMs: 20, timeoutMs: 2000, concurrency: 16, secretGraceHours: 24, retryBaseMs: 20 } },
      { clock: systemClock, scheduler: false },
    );
    await ensureStaff(hub.db, ['sim-mayor', 'sim-exec']);
    await hub.db.query("UPDATE staff SET roles = '{controller}' WHERE id = 'sim-mayor'");
    await hub.db.query("UPDATE staff SET roles = '{executor}' WHERE id = 'sim-exec'");
    as.mayor = bearer(await personToken(hub.db, 'sim-mayor', ['controller']));
    as.exec = bearer(await personToken(hub.db, 'sim-exec', ['executor']));
    const edms = bearer(await systemToken(hub.db, ['integrator'], { sources: ['edms'], actFor: ['sim-mayor', 'sim-exec'], name: 'EDMS simulator' }));
    as.edmsExec = { ...edms, 'x-on-behalf-of': 'sim-exec' };
    as.edmsMayor = { ...edms, 'x-on-behalf-of': 'sim-mayor' };
    await sim.up();
    const sub = await call(hub, 'POST', '/api/v1/subscriptions', { url: sim.url, events: ['*'] }, edms);
    expect(sub.status, JSON.stringify(sub.json)).to.equal(201);
    sim.setSecret(sub.json.secret);
  });
  after(async () => {
    await hub?.close();
    await sim.down();
    await testDb?.drop();
  });

  async function scenarioHolds(n: number, sc: Scenario): Promise<void> {
    run++;
    const random = prng(sc.seed);
    sim.refuse = () => random() < sc.failRate;
    // The cards, 8 at a time: registered, then put under control by the mayor.
    const cards: Json[] = new Array(n);
    for (let start = 0; start < n; start += 8) {
      await Promise.all(Array.from({ length: Math.min(8, n - start) }, async (_, k) => {
        const doc = (await call(hub, 'POST', '/api/v1/documents', submission({ source: 'edms' }))).json;
        const card = await call(hub, 'POST', `/api/v1/documents/${doc.id}/resolutions`, { executors: ['sim-exec'], controller: 'sim-mayor', task: 'Т' }, as.mayor);
        expect(card.status, JSON.stringify(card.json)).to.equal(201);
        cards[start + k] = card.json;
      }));
    }
    const applied = new Map<string, number>(); // card id → interim answers accepted
    const edmsAnswers: Array<{ key: string; status: number; json: Json }> = [];
    const held: Array<{ card: Json; action: Action; key: string; ifMatch: number; i: number }> = [];
    const inside = (w: { at: number; length: number }, i: number) => i / sc.steps.length >= w.at && i / sc.steps.length < w.at + w.length;

    const sendEdms = async (card: Json, action: Action, key: string, ifMatch: number, i: number, duplicate: boolean) => {
      const headers = { ...(action === 'release' ? as.edmsMayor : as.edmsExec), 'idempotency-key': key, 'if-match': `"${ifMatch}"` };
      const body = { command: COMMAND[action], body: bodyOf(action, card.term, i) };
      const first = await call(hub, 'POST', `/api/v1/control/${card.id}/commands`, body, headers);
      if (duplicate) {
        const again = await call(hub, 'POST', `/api/v1/control/${card.id}/commands`, body, headers);
        expect([again.status, again.json], `repeat of ${key}`).to.deep.equal([first.status, first.json]);
        expect(again.headers.get('idempotent-replay')).to.equal('true');
      }
      edmsAnswers.push({ key, status: first.status, json: first.json });
      if (first.status === 200) {
        sim.apply(first.json);
        if (action === 'interim') applied.set(card.id, (applied.get(card.id) ?? 0) + 1);
      } else if (first.status === 412) sim.apply(first.json.details.card);
    };

    for (let i = 0; i < sc.steps.length; i++) {
      const step = sc.steps[i]!;
      const card = cards[step.card]!;
      const edmsDown = inside(sc.edmsOutage, i);
      if (edmsDown && sim.isUp) await sim.down();
      if (!edmsDown && !sim.isUp) await sim.up();
      if (step.side === 'hub') {
        const key = `hub-${run}-${i}`;
        const headers = { ...(step.action === 'release' ? as.mayor : as.exec), 'idempotency-key': key };
        const path = `/api/v1/documents/${card.documentId}/control/${card.id}/${ROUTE[step.action as Action]}`;
        const res = await call(hub, 'POST', path, bodyOf(step.action, card.term, i), headers);
        if (step.duplicate) expect((await call(hub, 'POST', path, bodyOf(step.action, card.term, i), headers)).status).to.equal(res.status);
        if (res.status === 200 && step.action === 'interim') applied.set(card.id, (applied.get(card.id) ?? 0) + 1);
        if (res.status !== 200) expect(res.json.code, `hub-side ${step.action}`).to.be.a('string');
        continue;
      }
      if (edmsDown) continue; // nobody works in an EDMS that is down
      const key = `edms-${run}-${i}`;
      const ifMatch = sim.cards.get(card.id)?.version ?? 1;
      if (inside(sc.hubOutage, i)) held.push({ card, action: step.action, key, ifMatch, i });
      else await sendEdms(card, step.action, key, ifMatch, i, step.duplicate);
    }
    // The hub is reachable again: what the EDMS held back goes out, in another order.
    if (!sim.isUp) await sim.up();
    for (let k = held.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [held[k], held[j]] = [held[j]!, held[k]!];
    }
    for (const h of held) await sendEdms(h.card, h.action, h.key, h.ifMatch, h.i, false);

    // Both sides settle: every card the same at the EDMS as at the hub.
    sim.refuse = () => false;
    hub.webhooks!.nudge();
    const onHub = async (): Promise<Json[]> => (await hub.db.query<{ card: Json }>('SELECT card FROM control_cards WHERE id = ANY($1::uuid[])', [cards.map((c) => c.id)])).map((r) => r.card);
    await waitFor(async () => (await onHub()).every((c) => sim.cards.get(c.id)?.version === c.version), 'the EDMS in step with the hub', 120_000);
    for (const c of await onHub()) {
      expect(sim.cards.get(c.id), c.id).to.deep.equal({ version: c.version, status: c.status, interim: c.interimAnswers.length, term: c.term });
      // Nothing applied twice: exactly the interim answers that were accepted once each.
      expect(c.interimAnswers.length, `interim answers of ${c.id}`).to.equal(applied.get(c.id) ?? 0);
    }
    // Every refused command is explained: its code and, for a rule, the refusal announced to the EDMS.
    for (const a of edmsAnswers.filter((x) => x.status !== 200)) {
      expect(a.json.code, a.key).to.be.a('string');
      if (a.json.details?.basis) await waitFor(() => sim.refusals.get(a.key) === a.json.code, `the refusal of ${a.key} at the EDMS`);
    }
    expect(sim.badSignatures).to.equal(0);
    expect(sim.errors).to.deep.equal([]);
    seen.commands += edmsAnswers.length;
    seen.stale += edmsAnswers.filter((a) => a.status === 412).length;
    seen.byRule += edmsAnswers.filter((a) => a.json?.details?.basis).length;
    seen.held += held.length;
    expect((await hub.db.query("SELECT 1 FROM webhook_deliveries WHERE status = 'failed'")).length).to.equal(0);
  }

  it('1,000 cards, one generated interleaving', async () => {
    await fc.assert(fc.asyncProperty(scenario(1000), (sc) => scenarioHolds(1000, sc)), { numRuns: 1, endOnFailure: true });
    expect(seen.commands).to.be.greaterThan(200);
    expect(seen.stale, 'commands on an old version').to.be.greaterThan(0);
    expect(seen.byRule, 'commands a rule refused').to.be.greaterThan(0);
    expect(seen.held, 'commands held back during the hub outage').to.be.greaterThan(0);
    expect(sim.received).to.be.greaterThan(2000);
  });

  it('40 cards, many generated interleavings', async () => {
    await fc.assert(fc.asyncProperty(scenario(40), (sc) => scenarioHolds(40, sc)), { numRuns: 10, endOnFailure: true });
  });
});
