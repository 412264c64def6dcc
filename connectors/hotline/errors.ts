/**
 * The hotline connector's errors, kept beside it (as src/appeals/errors.ts does): each is a
 * HubError with a stable code and both languages, so the pipeline quarantines the card with it.
 */
import { errorFamily } from '../../src/errors';

const SPECS = {
  HOTLINE_CARD_NOT_JSON: {
    status: 400,
    message: 'The hotline card is not valid JSON',
    messageUk: 'Картка «гарячої лінії» не є коректним JSON',
  },
  HOTLINE_CARD_INVALID: {
    status: 400,
    message: 'The hotline card does not match connectors/hotline/card.schema.json',
    messageUk: 'Картка «гарячої лінії» не відповідає схемі картки (card.schema.json)',
  },
  HOTLINE_WRONG_ADDRESSEE: {
    status: 422,
    message: 'The hotline card is addressed to another organisation',
    messageUk: 'Картку «гарячої лінії» адресовано іншій організації',
  },
  // Not the centre's fault, and not a crash: the card is kept and replayed once the connector is set up (issue 12).
  HOTLINE_NOT_CONFIGURED: {
    status: 422,
    message: 'The hotline connector is not configured (HOTLINE_* settings); the card is kept in quarantine and can be replayed once it is',
    messageUk: 'Конектор «гарячої лінії» не налаштовано (параметри HOTLINE_*); картку збережено в карантині, її можна повторно обробити після налаштування',
  },
} as const;

export type HotlineErrorCode = keyof typeof SPECS;

export const hotlineError = errorFamily<HotlineErrorCode>(SPECS);
