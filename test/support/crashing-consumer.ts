/**
 * A hub consumer process that dies (SIGKILL, no cleanup) right after the database commit and
 * before the broker ack: the worst moment for a crash. Used by test/bus/crash.test.ts.
 */
import { loadConfig } from '../../src/config';
import { startHub } from '../../src/hub';

async function main(): Promise<void> {
  await startHub(loadConfig(), {
    http: false,
    consumer: {
      afterCommit: (result) => {
        process.stdout.write(`committed ${result.status}\n`);
        process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  process.stdout.write('consumer ready\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
