import { ConfigError, loadConfig } from '../../config';
import { isTransient } from '../../errors';
import { startHub } from '../../hub';
import type { CliCommand } from '../command';

/** sysexits EX_CONFIG: the environment is wrong; nothing was started. */
const EXIT_CONFIG = 78;
/** sysexits EX_UNAVAILABLE: the database cannot be reached; a service manager may restart later. */
const EXIT_DATABASE_UNAVAILABLE = 69;
/** sysexits EX_OSERR: the port is taken, or the interface is not there. */
const EXIT_CANNOT_LISTEN = 71;

/** Where the database is, without its password. */
function whereIs(url: string | undefined): string {
  if (!url) return 'the embedded database';
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

export const command: CliCommand = {
  name: 'start',
  summary: 'run the hub (HTTP API, AMQP consumer and outbox relay)',
  async run() {
    let config;
    try {
      config = loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) {
        console.error(`dilovod: bad configuration: ${err.message}`);
        return EXIT_CONFIG;
      }
      throw err;
    }
    let hub;
    try {
      hub = await startHub(config);
    } catch (err) {
      if (err instanceof ConfigError) {
        console.error(`dilovod: bad configuration: ${err.message}`);
        return EXIT_CONFIG;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
        console.error(`dilovod: не вдається слухати ${config.host}:${config.port} (${code}): порт зайнятий або інтерфейсу немає; змініть PORT чи HOST`);
        console.error(`dilovod: cannot listen on ${config.host}:${config.port} (${code}): the port is taken or the interface is not there; change PORT or HOST`);
        return EXIT_CANNOT_LISTEN;
      }
      if (isTransient(err)) {
        console.error(`dilovod: база даних недоступна (${whereIs(config.databaseUrl)}, DATABASE_URL): ${(err as Error).message}`);
        console.error(`dilovod: the database is unreachable (${whereIs(config.databaseUrl)}, DATABASE_URL): ${(err as Error).message}`);
        return EXIT_DATABASE_UNAVAILABLE;
      }
      throw err;
    }
    const started = hub;
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        started.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: finishing what is in flight');
        // Bounded: whatever still hangs after SHUTDOWN_TIMEOUT_MS (and a little), the process ends (code 1).
        setTimeout(() => {
          started.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown did not finish in time; exiting');
          process.exit(1);
        }, config.shutdownTimeoutMs + 2000).unref();
        started.close().finally(resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
