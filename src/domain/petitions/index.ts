/**
 * E-petitions (Law «Про звернення громадян» art. 23-1), pure: the state machine from platform
 * snapshots, the passing days, the resolution and the answer, each transition with its rule.
 */
export { applyPetitionEvent, awaitsRegistration, petitionReceivedOn } from './machine';
export { PETITION_RULES } from './bases';
export { CONSIDERED_AS_UK, PETITION_STATE_UK, PETITIONS_TABLE, PETITIONS_UK } from './export-table';
export type {
  ConsideredAs, PetitionContext, PetitionEvent, PetitionRecord, PetitionSnapshot, PetitionState, PetitionStep, PetitionTransition, StepOutcome,
} from './types';
