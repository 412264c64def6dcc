import { ConfigError, loadConfig } from '../../config';
import { isTransient } from '../../errors';
import { startHub } from '../../hub';
import { DatabaseLockedError } from '../../store/errors';
import type { CliCommand } from '../command';

/** sysexits EX_CONFIG: the environment is wrong; nothing was started. */
const EXIT_CONFIG = 78;
/** sysexits EX_UNAVAILABLE: the database cannot be reached; a service manager may restart later. */
const EXIT_DATABASE_UNAVAILABLE = 69;
/** sysexits EX_OSERR: the port is taken, or the interface is not there. */
const EXIT_CANNOT_LISTEN = 71;
/** sysexits EX_TEMPFAIL: another process holds the embedded database (as for every command, src/cli/main.ts). */
const EXIT_DATABASE_LOCKED = 75;

/**
 * What stops start-up is said as the other start-up failures are: a Ukrainian line for the
 * council's IT person, then the same in English (what one searches for), each naming the variable.
 */
function bilingual(uk: string, en: string): void {
  console.error(`dilovod: ${uk}`);
  console.error(`dilovod: ${en}`);
}

function badConfiguration(err: ConfigError): number {
  bilingual(`помилка в налаштуваннях: ${err.messageUk}`, `bad configuration: ${err.messageEn}`);
  return EXIT_CONFIG;
}

/** Where the database is, without its password. */
function whereIs(url: string | undefined, uk = false): string {
  if (!url) return uk ? 'вбудована база даних' : 'the embedded database';
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

export const command: CliCommand = {
  name: 'start',
  summary: 'запустити хаб: HTTP API, приймання з AMQP, надсилання подій (outbox)',
  usage: ['dilovod start'],
  async run() {
    let config;
    try {
      config = loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) return badConfiguration(err);
      throw err;
    }
    let hub;
    try {
      hub = await startHub(config);
    } catch (err) {
      if (err instanceof ConfigError) return badConfiguration(err);
      if (err instanceof DatabaseLockedError) {
        bilingual(err.messageUk, err.message);
        return EXIT_DATABASE_LOCKED;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EADDRNOTAVAIL' || code === 'EACCES') {
        bilingual(
          `не вдається слухати ${config.host}:${config.port} (${code}): порт зайнятий або інтерфейсу немає; змініть PORT чи HOST`,
          `cannot listen on ${config.host}:${config.port} (${code}): the port is taken or the interface is not there; change PORT or HOST`,
        );
        return EXIT_CANNOT_LISTEN;
      }
      if (isTransient(err)) {
        bilingual(
          `база даних недоступна (${whereIs(config.databaseUrl, true)}, DATABASE_URL): ${(err as Error).message}; перевірте, чи працює сервер і чи правильна адреса`,
          `the database is unreachable (${whereIs(config.databaseUrl)}, DATABASE_URL): ${(err as Error).message}; check that the server runs and the address is right`,
        );
        return EXIT_DATABASE_UNAVAILABLE;
      }
      throw err;
    }
    const started = hub;
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        started.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'зупинка: завершуємо те, що вже в обробці / shutting down: finishing what is in flight');
        // Bounded: whatever still hangs after SHUTDOWN_TIMEOUT_MS (and a little), the process ends (code 1).
        setTimeout(() => {
          started.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'зупинка не завершилася вчасно; процес закривається / shutdown did not finish in time; exiting');
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
