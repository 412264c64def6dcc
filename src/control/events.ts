import type { ControlCard } from '../domain/control';

/**
 * What every control event says of its card: the fields consumers already read, and the whole card
 * as it stands after the change with its version (issue 11), so a receiver that holds a newer
 * version discards the event, and one that missed events can take the card as it is.
 */
export function cardEventData(card: ControlCard): Record<string, unknown> {
  return {
    cardId: card.id, resolutionNo: card.resolutionNo, term: card.term, controlStatus: card.status, executors: card.executors,
    version: card.version, card,
  };
}
