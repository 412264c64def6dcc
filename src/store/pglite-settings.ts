import { PGlite } from '@electric-sql/pglite';

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
