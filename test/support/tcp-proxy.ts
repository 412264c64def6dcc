import net from 'node:net';

/**
 * A loopback TCP proxy to a real server, to cut the network between the hub and PostgreSQL
 * (an outage) and restore it, without touching the server other tests use.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private stalled = false;
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
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Drops every connection and refuses new ones (ECONNREFUSED), like a database going away. */
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
   * way — no reset, no refusal, just silence, as when a database hangs or a firewall drops packets.
   */
  stall(): void {
    this.stalled = true;
    for (const s of this.sockets) s.pause();
  }

  /** The stall ends: what was held back flows on. */
  unstall(): void {
    this.stalled = false;
    for (const s of this.sockets) s.resume();
  }

  async stop(): Promise<void> {
    if (this.server) await this.cut();
  }
}
