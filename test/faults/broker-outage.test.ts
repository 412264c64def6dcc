import { expect } from 'chai';
import { expectDownWithinASecond, expectNothingLost, readiness, startFaultRig, submitUntilAccepted, type FaultRig } from '../support/faults';
import { submission } from '../support/hub';
import type { TcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

/** How the broker goes away for the hub, through the proxy between them (the machine's RabbitMQ is never touched). */
interface BrokerFault {
  name: string;
  begin(proxy: TcpProxy): Promise<void> | void;
  end(proxy: TcpProxy): Promise<void> | void;
  /** The events on the broker whose confirms were lost go out again (a reset), or their confirms arrive late (a stall). */
  republishes: boolean;
}

const FAULTS: BrokerFault[] = [
  { name: 'connection reset (connections dropped, new ones refused until it is back)', begin: (p) => p.cut(), end: (p) => p.restore(), republishes: true },
  { name: 'stall (connections stay open, nothing passes: no reset, no refusal)', begin: (p) => p.stall(), end: (p) => p.unstall(), republishes: false },
];

/**
 * Issue 14, "Quality bar", broker faults: during HTTP ingest (events wait in the outbox), AMQP
 * ingest (a message committed, its ack not through) and the outbox relay (events on the broker,
 * their publisher confirms not back). The README promises events at least once with `message_id`
 * = `eventId` to dedupe on, and /readyz 503 while the broker is unreachable; and nothing is lost,
 * registered twice or left stranded, and the hub goes on without a restart once the broker is back.
 */
describe('faults: the broker goes away (TCP proxy, real PostgreSQL and RabbitMQ)', function () {
  this.timeout(60_000);
  let rig: FaultRig;
  const all: string[] = [];
  /** Runs in the hub's consumer after a message's commit and before its ack (a test seam). */
  let afterCommit: (() => Promise<void>) | undefined;

  before(async () => {
    rig = await startFaultRig('mqfault', {}, { consumer: { afterCommit: () => afterCommit?.() } });
  });
  after(async () => rig?.close());
  // A test that failed half-way leaves the next one a broker that is there and a relay that runs.
  afterEach(async () => {
    afterCommit = undefined;
    rig.brokerProxy.unstall();
    rig.brokerProxy.fast();
    if (!rig.brokerProxy.listening) await rig.brokerProxy.restore();
    rig.hub.relay!.start();
  });

  const letters = (n: number) => {
    const out = Array.from({ length: n }, () => submission());
    all.push(...out.map((l) => l.externalId as string));
    return out;
  };
  const registeredOf = async (of: Array<Record<string, unknown>>) =>
    (await rig.db.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE external_id = ANY($1)', [of.map((l) => l.externalId)]))[0]!.n;

  for (const fault of FAULTS) {
    describe(fault.name, () => {
      /**
       * With the broker away: /readyz says so within 1 s (the database ok) and keeps saying it a
       * while later; `meanwhile` runs before it comes back. Then: nothing lost, ready again.
       */
      async function awayThenBack(meanwhile?: () => Promise<void>) {
        try {
          const down = await expectDownWithinASecond(rig.hub, 'broker');
          expect(down.checks.database).to.equal('ok');
          await new Promise((r) => setTimeout(r, 500));
          expect((await readiness(rig.hub)).checks.broker, 'still down while away').to.equal('down');
          await meanwhile?.();
        } finally {
          await fault.end(rig.brokerProxy);
        }
        const outcome = await expectNothingLost(rig, all);
        await waitFor(async () => (await readiness(rig.hub)).status === 200, '/readyz ready again');
        return outcome;
      }

      it('during HTTP ingest: letters are registered meanwhile, their events wait in the outbox and are all published once it is back', async () => {
        await fault.begin(rig.brokerProxy);
        const batch = letters(5);
        for (const statuses of await Promise.all(batch.map((body) => submitUntilAccepted(rig.hub, body)))) expect(statuses).to.deep.equal([201]);
        await awayThenBack(async () => {
          const [pending] = await rig.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
          expect(pending!.n, 'events waiting in the outbox').to.equal(batch.length);
        });
      });

      it('during AMQP ingest, between a commit and its ack: registered once, the consumer goes on without a restart', async () => {
        const batch = letters(20);
        let commits = 0;
        let registeredThen: number | undefined;
        afterCommit = async () => {
          if (++commits !== 4) return;
          await fault.begin(rig.brokerProxy);
          registeredThen = await registeredOf(batch);
        };
        batch.forEach((body) => rig.broker.publish('edms.json', body, { messageId: `mq-${String(body.externalId)}` }));
        await waitFor(() => registeredThen !== undefined, 'the fault after the fourth commit');
        // Prefetch (8) bounds what the hub held when the broker went: the rest waits on the queue for the resumed consumer.
        expect(registeredThen, 'registered when the broker went').to.be.below(batch.length);
        await awayThenBack();
      });

      it('during the relay, events on the broker and their confirms not back: marked published only once confirmed, every event out with its eventId, the outbox empties', async () => {
        const { hub, tap } = rig;
        // A backlog for the relay, as after an outage: the relay is held while the letters come in.
        await hub.relay!.stop();
        for (const statuses of await Promise.all(letters(30).map((body) => submitUntilAccepted(hub, body)))) expect(statuses).to.deep.equal([201]);
        const seen = tap.events.length;
        // Confirms come back slowly, so the broker goes while the relay waits for them.
        rig.brokerProxy.slow({ toClientMs: 500 });
        hub.relay!.start();
        await waitFor(() => tap.events.length > seen || undefined, 'the relay to publish');
        await fault.begin(rig.brokerProxy);
        rig.brokerProxy.fast();
        const published = new Set(tap.events.slice(seen).map((e) => e.eventId as string));
        const unconfirmed = async () =>
          (await rig.db.query<{ event_id: string }>('SELECT event_id FROM outbox WHERE published_at IS NULL')).map((r) => r.event_id).filter((id) => published.has(id));
        const held = await unconfirmed();
        expect(held, 'events on the broker but not marked published').to.not.be.empty;

        const { repeatedEvents } = await awayThenBack(async () => {
          expect(await unconfirmed(), 'marked published without a confirm').to.include.members(held);
        });
        // At least once: after a reset the relay cannot know the broker has them, and sends them again (same eventId).
        if (fault.republishes) expect(repeatedEvents, 'the unconfirmed events published again').to.be.at.least(held.length);
      });
    });
  }
});
