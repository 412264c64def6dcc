/**
 * The checkpoint file the auditor archives (JSON Lines, one checkpoint a line, appended, never
 * rewritten). `audit verify --checkpoint FILE` reads it back, or a file of one checkpoint.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCheckpoint, type Checkpoint } from '../../domain/audit';

export function appendCheckpointFile(file: string, c: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(c)}\n`, { mode: 0o644 });
}

export interface CheckpointFile {
  checkpoints: Array<Checkpoint & { line: number }>;
  /** Lines that are not checkpoints: reported, never skipped silently. */
  unreadable: number[];
}

/** A .jsonl of checkpoints, or a file of one (pretty-printed or not). */
export function readCheckpointFile(file: string): CheckpointFile {
  const text = readFileSync(file, 'utf8');
  const whole = tryJson(text.trim());
  if (whole !== undefined && !Array.isArray(whole)) {
    const c = parseCheckpoint(whole);
    return c ? { checkpoints: [{ ...c, line: 1 }], unreadable: [] } : { checkpoints: [], unreadable: [1] };
  }
  const out: CheckpointFile = { checkpoints: [], unreadable: [] };
  const items = Array.isArray(whole) ? whole.map((v, i) => [v, i + 1] as const) : text.split('\n').map((l, i) => [l.trim() ? tryJson(l) : null, i + 1] as const);
  for (const [value, line] of items) {
    if (value === null) continue;
    const c = parseCheckpoint(value);
    if (c) out.checkpoints.push({ ...c, line });
    else out.unreadable.push(line);
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
