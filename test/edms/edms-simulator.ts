import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

type Json = any;

/** What the EDMS holds of one control card. */
export interface SimCard {
  version: number;
  status: string;
  interim: number;
  term: string;
}

/**
 * A small EDMS for the sync tests: its own HTTP service and its own store of control cards. It
 * follows the hub's webhooks (every one checked with the reference `standardwebhooks`, a newer
 * version replaces what it holds, an older one is discarded), refuses some deliveries on purpose,
 * can go down (its port really closed) and come back on the same port, and records every refusal
 * the hub announces for its commands.
 */
export class EdmsSimulator {
  readonly cards = new Map<string, SimCard>();
  /** Idempotency keys of the EDMS's commands that the hub announced as refused, with the code. */
  readonly refusals = new Map<string, string>();
  badSignatures = 0;
  /** The simulator's own failures (a test bug): counted, and the test asserts none. */
  errors: string[] = [];
  received = 0;
  /** Whether to refuse this delivery (500) on purpose: decided by the test's seeded random. */
  refuse: (webhookId: string) => boolean = () => false;
  private server?: Server;
  private port = 0;
  private wh?: Webhook;

  get url(): string {
    return `http://127.0.0.1:${this.port}/dilovod/hooks`;
  }

  setSecret(secret: string): void {
    this.wh = new Webhook(secret);
  }

  async up(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let status = 500;
        try {
          status = this.take(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        } catch (err) {
          this.errors.push((err as Error).message);
        }
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  get isUp(): boolean {
    return !!this.server;
  }

  /** Applies a card if it is newer than what the EDMS holds; answers the status the hub gets. */
  apply(card: Json): void {
    const held = this.cards.get(card.id);
    if (held && held.version >= card.version) return;
    this.cards.set(card.id, { version: card.version, status: card.status, interim: card.interimAnswers.length, term: card.term });
  }

  private take(body: string, headers: Record<string, string>): number {
    let event: Json;
    try {
      event = this.wh!.verify(body, headers);
    } catch {
      this.badSignatures++;
      return 400;
    }
    if (this.refuse(headers['webhook-id']!)) return 500;
    this.received++;
    // Control events carry the card (a document event's card is the registration card: not ours to track).
    if (event.type.startsWith('control.') && event.data?.card) this.apply(event.data.card);
    if (event.type === 'control.command-refused' && event.data.idempotencyKey) this.refusals.set(event.data.idempotencyKey, event.data.refusal.code);
    return 204;
  }
}
