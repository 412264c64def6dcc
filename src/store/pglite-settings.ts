import { PGlite } from '@electric-sql/pglite';
import { setFlagsFromString } from 'node:v8';

/**
 * How the embedded PostgreSQL runs. PGlite's defaults keep PostgreSQL's 128 MB of shared buffers
 * inside the WebAssembly memory, which alone put a later start of the hub at about 355 MB
 * resident (bench `startup`). The embedded database serves one council's department, and its
 * files are in the operating system's page cache anyway: 16 MB of buffers keep the hub under
 * 256 MB (issue 12), and `npm run bench -- startup` shows what registration costs with them.
 */
export const EMBEDDED_START_PARAMS: string[] = [
  ...PGlite.defaultStartParams,
  '-c', 'shared_buffers=16MB',
  '-c', 'maintenance_work_mem=16MB',
];

/**
 * PGlite's engine (9 MB of WebAssembly) compiled by V8's baseline compiler alone, Liftoff, without
 * the optimising tier that recompiles its busy functions in the background: the optimised code and
 * its compiler's working memory were 50-70 MB of an embedded hub's resident memory (262 → 205 MiB at
 * ready, 309 → 224-256 after registering), for 5-8% of its registrations a second over a long run
 * and none over a short one, where the background compiler took the CPU the registrations needed
 * (`npm run bench -- startup`, README "Start-up and memory"). A V8 flag is the process's; it is set
 * before the engine is first compiled, and touches nothing else the hub runs (the hub has no other
 * WebAssembly).
 */
export function compileEngineForMemory(): void {
  setFlagsFromString('--liftoff-only');
}
