/**
 * A control card: one resolution's task under control (003 §157, §114-120). The shape is
 * schemas/control-card.schema.json; the types follow from it.
 */
import type { ControlCard, ExtensionRequest } from '../../schemas';

export type { ControlCard, ExtensionRequest };
export type ControlStatus = ControlCard['status'];
export type InterimAnswer = ControlCard['interimAnswers'][number];
export type ExtensionRecord = ControlCard['extensions'][number];
export type Execution = NonNullable<ControlCard['execution']>;
export type AnswerResult = NonNullable<Execution['answer']['result']>;
