/** What staff read for a control card's status: the exports and the web pages (web/) import it. */
import type { ControlStatus } from './types';

export const CONTROL_STATUS_UK: Readonly<Record<ControlStatus, string>> = {
  'under-control': 'на контролі',
  executed: 'виконано',
  released: 'знято з контролю',
};

/**
 * Where executors are listed and a card has none: a card of the sender's control (sender-card.ts)
 * waits for the head's resolution to name them (003 п. 157).
 */
export const NO_EXECUTOR_UK = 'виконавця не призначено';

/** A card's executors as staff read them, each by `name` (ids, or the directory's names on the pages). */
export function executorsUk(executors: readonly string[], name: (id: string) => string = (id) => id): string {
  return executors.length ? executors.map(name).join(', ') : NO_EXECUTOR_UK;
}
