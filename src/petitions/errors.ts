/**
 * The errors of the e-petitions wiring (as src/appeals/errors.ts): each a HubError with a stable
 * code and both languages.
 */
import { errorFamily } from '../errors';

const SPECS = {
  PETITION_INVALID: {
    status: 422,
    message: 'The petition export does not match schemas/petition-export.schema.json; it is kept in quarantine',
    messageUk: 'Вивантаження петиції не відповідає схемі petition-export; його збережено в карантині',
  },
  PETITION_NOT_CONFIGURED: {
    status: 422,
    message: 'The e-petitions connector settings are not valid (PETITION_*); the export is kept in quarantine',
    messageUk: 'Налаштування конектора електронних петицій (PETITION_*) некоректні; вивантаження збережено в карантині',
  },
  PETITION_NOT_FOUND: {
    status: 404,
    message: 'No petition with this platform id',
    messageUk: 'Петиції з таким ідентифікатором платформи немає',
  },
} as const;

export type PetitionErrorCode = keyof typeof SPECS;

export const petitionError = errorFamily<PetitionErrorCode>(SPECS);
