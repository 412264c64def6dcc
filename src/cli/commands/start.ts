import { ConfigError, loadConfig } from '../../config';
import { startHub } from '../../hub';
import type { CliCommand } from '../command';

/** sysexits EX_CONFIG: the environment is wrong; nothing was started. */
const EXIT_CONFIG = 78;

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
      throw err;
    }
    const started = hub;
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        started.log.info({ signal }, 'shutting down');
        started.close().finally(resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
