/**
 * What staff read for an e-petition's state and how it is considered (Law «Про звернення
 * громадян» art. 23-1): one place, for the export (export-table.ts) and the department's web
 * pages (web/), which import this file as is.
 */
import type { PetitionView } from '../../schemas/generated';
import type { UkForms } from '../plural-uk';

/** «1 петиція», «2 петиції», «5 петицій». */
export const PETITIONS_UK: UkForms = { one: 'петиція', few: 'петиції', many: 'петицій' };

export const PETITION_STATE_UK: Readonly<Record<PetitionView['state'], string>> = {
  collecting: 'збір підписів',
  'threshold-reached': 'набрала необхідну кількість підписів',
  'below-threshold': 'не набрала підписів (розглядається як колективне звернення)',
  'under-consideration': 'на розгляді',
  answered: 'надано відповідь',
};

export const CONSIDERED_AS_UK: Readonly<Record<NonNullable<PetitionView['consideredAs']>, string>> = {
  petition: 'електронна петиція (10 робочих днів)',
  'collective-appeal': 'колективне звернення (1 місяць)',
};
