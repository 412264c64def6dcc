import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench [-- name…]`: runs bench/<name>.bench.ts files (all when none named).
 * Each bench prints its figures beside a baseline measured in the same run, as a ratio.
 */
export interface Bench {
  name: string;
  run(): Promise<void>;
}

export async function main(argv: string[]): Promise<void> {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort();
  const wanted = argv.filter((a) => !a.startsWith('-'));
  const benches: Bench[] = files.map((f) => (require(join(__dirname, f)) as { bench: Bench }).bench);
  const chosen = wanted.length ? benches.filter((b) => wanted.includes(b.name)) : benches;
  if (wanted.length && chosen.length !== wanted.length) {
    const known = benches.map((b) => b.name).join(', ');
    throw new Error(`unknown bench in ${wanted.join(', ')}; known: ${known}`);
  }
  for (const b of chosen) {
    console.log(`\n== bench ${b.name} ==`);
    await b.run();
  }
}
