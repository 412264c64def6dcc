/**
 * E-petitions, the I/O half: platform exports in, registration through the pipeline, the daily
 * check, and the views. The rules are the pure src/domain/petitions.
 */
export { PetitionService, PETITION_FORMAT } from './service';
export type { PetitionServiceDeps, PetitionIntake } from './service';
export { PetitionScheduler } from './scheduler';
export { petitionError } from './errors';
export type { PetitionErrorCode } from './errors';
export { petitionSubmission, appealCardOfPetition, BELOW_THRESHOLD_SUBTYPE } from './submission';
