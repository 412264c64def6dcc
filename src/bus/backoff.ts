/** Exponential back-off with a cap: 100 ms, 200 ms … up to maxMs. */
export function backoffMs(attempt: number, maxMs = 10_000): number {
  return Math.min(maxMs, 100 * 2 ** Math.min(attempt, 16));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
