import net from 'node:net';

/** Added latency, per chunk and per direction; `jitterMs` adds 0..jitterMs more to each chunk (bytes keep their order). */
export interface Latency {
  /** Client (the hub) → server. */
  toServerMs?: number;
  /** Server → client (the hub). */
  toClientMs?: number;
  jitterMs?: number;
}

/**
 * One direction of one connection: chunks read from `from` are written to `to` when they are due.
 * A chunk is never due before the one read ahead of it, so the byte stream stays in order even
 * when the latency changes at runtime or jitter would overtake.
 */
class Lane {
  private readonly queue: Array<{ due: number; chunk: Buffer }> = [];
  private timer?: NodeJS.Timeout;
  private lastDue = 0;
  /** What to do once everything queued is written (pass the end of the stream on). */
  private onEmpty?: () => void;

  constructor(
    private readonly from: net.Socket,
    private readonly to: net.Socket,
    private readonly delay: () => number,
    private readonly held: () => boolean,
  ) {
    from.on('data', (chunk: Buffer) => {
      const due = Math.max(Date.now() + this.delay(), this.lastDue);
      this.lastDue = due;
      this.queue.push({ due, chunk });
      this.pump();
    });
    from.on('end', () => this.whenEmpty(() => to.end()));
    to.on('drain', () => {
      if (!held()) from.resume();
    });
  }

  /** Writes what is due; schedules itself for the next chunk. Does nothing while the proxy is stalled. */
  pump(): void {
    if (this.held()) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    while (this.queue.length && this.queue[0]!.due <= now) {
      const { chunk } = this.queue.shift()!;
      if (this.to.destroyed) return;
      // Back-pressure: stop reading until the other side drains (the stall's pause is not undone here).
      if (!this.to.write(chunk)) this.from.pause();
    }
    if (this.queue.length) this.timer = setTimeout(() => this.pump(), this.queue[0]!.due - now);
    else this.onEmpty?.();
  }

  private whenEmpty(fn: () => void): void {
    if (!this.queue.length) return fn();
    this.onEmpty = () => {
      this.onEmpty = undefined;
      fn();
    };
  }

  /** Lowers every waiting chunk's due time to `now + delay` at most (the latency was reduced). */
  rebase(): void {
    const cap = Date.now() + this.delay();
    // Dues were in order and are all lowered to the same cap: still in order.
    for (const item of this.queue) item.due = Math.min(item.due, cap);
    this.lastDue = Math.min(this.lastDue, cap);
    this.pump();
  }

  close(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

/**
 * A loopback TCP proxy to a real server, to cut the network between the hub and PostgreSQL or
 * RabbitMQ (an outage) and restore it, stall it, or slow it down, without touching the server
 * other tests use.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly lanes = new Set<Lane>();
  private stalled = false;
  private latency: Required<Latency> = { toServerMs: 0, toClientMs: 0, jitterMs: 0 };
  port = 0;

  constructor(private readonly targetPort: number, private readonly targetHost = '127.0.0.1') {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
        if (this.stalled) s.pause();
      }
      const held = () => this.stalled;
      const lanes = [
        new Lane(client, upstream, () => this.delay(this.latency.toServerMs), held),
        new Lane(upstream, client, () => this.delay(this.latency.toClientMs), held),
      ];
      for (const lane of lanes) this.lanes.add(lane);
      // One side gone: the connection is gone (a reset is seen by the other side as a reset, not a hang).
      const drop = () => {
        for (const lane of lanes) {
          lane.close();
          this.lanes.delete(lane);
        }
        client.destroy();
        upstream.destroy();
      };
      client.once('close', drop);
      upstream.once('close', drop);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private delay(ms: number): number {
    return ms + (this.latency.jitterMs ? Math.random() * this.latency.jitterMs : 0);
  }

  /** False after `cut()` until `restore()`. */
  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Drops every connection and refuses new ones (ECONNREFUSED), like a server going away. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = undefined;
  }

  async restore(): Promise<void> {
    await this.start();
  }

  /**
   * A stalled server: connections stay open (and new ones are accepted) but nothing passes either
   * way — no reset, no refusal, just silence, as when a server hangs or a firewall drops packets.
   */
  stall(): void {
    this.stalled = true;
    for (const s of this.sockets) s.pause();
  }

  /** The stall ends: what was held back flows on. */
  unstall(): void {
    this.stalled = false;
    for (const s of this.sockets) s.resume();
    for (const lane of this.lanes) lane.pump();
  }

  /**
   * Slow responses: every chunk waits this long before it is passed on, each way, on open and new
   * connections alike, until `fast()`. Connections stay up and nothing is lost or reordered.
   */
  slow(latency: Latency): void {
    this.latency = { toServerMs: 0, toClientMs: 0, jitterMs: 0, ...latency };
    for (const lane of this.lanes) lane.rebase();
  }

  /** The slowness ends: what is waiting goes now, and from now on nothing waits. */
  fast(): void {
    this.slow({});
  }

  async stop(): Promise<void> {
    if (this.server) await this.cut();
  }
}
