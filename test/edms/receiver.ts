import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: Record<string, string>;
  body: string;
  json: any;
}

/**
 * A small EDMS endpoint for the tests: records every webhook it gets, and answers what the test
 * tells it to (200 by default; a status, or a function of the request).
 */
export class Receiver {
  readonly received: Received[] = [];
  answer: (r: Received) => number = () => 200;
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const r: Received = { headers: req.headers as Record<string, string>, body, json: JSON.parse(body) };
        const status = this.answer(r);
        if (status >= 200 && status < 300) this.received.push(r);
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Whether a delivery verifies with the subscription's secret by `standardwebhooks`, the specification's reference implementation. */
export function verifies(secret: string, r: { body: string; headers: Record<string, string> }): boolean {
  try {
    new Webhook(secret).verify(r.body, r.headers);
    return true;
  } catch {
    return false;
  }
}
