/**
 * E-petitions (Law «Про звернення громадян» art. 23-1), pure: the state machine from platform
 * snapshots, the passing days, the resolution and the answer, each transition with its rule.
 */
export { applyPetitionEvent, awaitsRegistration, petitionReceivedOn } from './machine';
export { PETITION_RULES } from './bases';
export type {
  ConsideredAs, PetitionContext, PetitionEvent, PetitionRecord, PetitionSnapshot, PetitionState, PetitionStep, PetitionTransition, StepOutcome,
} from './types';
