export { acceptInput, quarantineFailure } from './intake';
export type { IntakeResult } from './intake';
export { registerSubmission, requireCase } from './register';
export { registerDecoder, knownFormats } from './decoders';
export type { Decoder, InputSender, SenderReader } from './decoders';
export type { Envelope } from './envelope';
export type { PipelineDeps, IntakeStep, StepContext, AcceptedDocument } from './context';
export { ownMessageApplied, registerMessageHandler } from './own-messages';
export type { AppliedMessage, MessageHandler, OwnMessage } from './own-messages';
