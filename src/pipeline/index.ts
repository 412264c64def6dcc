export { acceptInput, quarantineFailure } from './intake';
export type { IntakeResult } from './intake';
export { registerSubmission } from './register';
export { registerDecoder, knownFormats } from './decoders';
export type { Decoder, SenderReader } from './decoders';
export type { Envelope } from './envelope';
export type { PipelineDeps, IntakeStep, StepContext, AcceptedDocument } from './context';
