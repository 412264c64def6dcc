/** A control card: one resolution's task under control (003 §157, §114-120). Dates are Kyiv YYYY-MM-DD. */
export type ControlStatus = 'under-control' | 'executed' | 'released';

export interface InterimAnswer {
  at: string;
  by: string;
  text: string;
}

export interface ExtensionRequest {
  requestedAt: string;
  requestedOn: string;
  by: string;
  newTerm: string;
  reason: string;
}

export interface ExtensionRecord extends ExtensionRequest {
  decidedAt: string;
  decidedBy: string;
  granted: boolean;
  /** The term granted (may differ from the one asked). */
  term?: string;
  decisionReason?: string;
}

export type AnswerResult = 'resolved-positively' | 'explained' | 'refused' | 'forwarded' | 'on-control';

export interface Execution {
  at: string;
  on: string;
  by: string;
  /** The answer on the merits sent to the correspondent (003 §160). */
  answer: { summary: string; outgoingIndex?: string; result?: AnswerResult };
}

export interface ControlCard {
  id: string;
  documentId: string;
  resolutionNo: number;
  author: string;
  /** The official who put the item under control; only they (or who stands in) release it (003 §118). */
  controller: string;
  /** Who set the term; only they grant an extension (003 §158). */
  termSetBy: string;
  /** Ordered: the first is the responsible executor, who gets the original (003 §157). */
  executors: string[];
  task: string;
  resolutionDate: string;
  rule: string;
  basis: string;
  term: string;
  originalTerm: string;
  reminderOn: string;
  coExecutorsDue: string | null;
  extensionDeadline: string;
  /** For appeals: the receipt date, from which the 45-day cap counts (Law on appeals art. 20). */
  appealReceivedOn: string | null;
  status: ControlStatus;
  interimAnswers: InterimAnswer[];
  pendingExtension: ExtensionRequest | null;
  extensions: ExtensionRecord[];
  execution: Execution | null;
  releasedAt: string | null;
  releasedBy: string | null;
  releasedStandingInFor: string | null;
}
