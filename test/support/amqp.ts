import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** rabbitmqctl against the machine's broker (tests run as root beside it). */
export async function rabbitmqctl(...args: string[]): Promise<string> {
  const { stdout } = await run('rabbitmqctl', ['-q', ...args], { timeout: 120_000 });
  return stdout;
}

export interface TestVhost {
  name: string;
  url: string;
  delete(): Promise<void>;
}

/** Each test run gets its own vhost, so exchange and queue names are the real ones, yet isolated. */
export async function createTestVhost(label = 't'): Promise<TestVhost> {
  const name = `dilovod-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
  await rabbitmqctl('add_vhost', name);
  await rabbitmqctl('set_permissions', '-p', name, 'guest', '.*', '.*', '.*');
  return {
    name,
    url: `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(name)}`,
    delete: async () => {
      await rabbitmqctl('delete_vhost', name);
    },
  };
}

/**
 * What RabbitMQ holds for a queue: `messages` counts ready and unacknowledged ones alike, so a
 * message a live consumer took and never settled (stranded) shows here, unlike checkQueue's count.
 */
export async function queueState(vhost: string, queue: string): Promise<{ messages: number; consumers: number }> {
  const out = await rabbitmqctl('list_queues', '-p', vhost, 'name', 'messages', 'consumers');
  const cols = out.split('\n').find((l) => l.startsWith(`${queue}\t`))?.split('\t');
  return { messages: Number(cols?.[1] ?? NaN), consumers: Number(cols?.[2] ?? NaN) };
}
