export { acceptInput, quarantineFailure } from './intake';
export type { IntakeResult } from './intake';
export { registerSubmission, requireCase } from './register';
export { registerDecoder, knownFormats } from './decoders';
export type { Decoder, SenderReader } from './decoders';
export type { Envelope } from './envelope';
export type { PipelineDeps, IntakeStep, StepContext, AcceptedDocument } from './context';
export { applyOwnMessage, registerMessageHandler } from './own-messages';
export type { AppliedMessage, MessageHandler } from './own-messages';
