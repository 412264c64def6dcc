/**
 * A 1207 v1.5 message as the connector reads it: only the parts the hub uses, checked and
 * normalised (dates as YYYY-MM-DD, times as ISO instants, ids as strings with their zeros).
 */

export interface SevHeader {
  time: string;
  msgType: number;
  msgId: string;
  msgAcknow: number;
  fromOrgId: string;
  fromOrganization: string;
  fromSysId: string;
  fromSystem: string;
  toOrgId: string;
  toOrganization: string;
  toSysId: string;
}

/** RegNumber: a registration index and its date (TypeRegNumber). */
export interface SevRegNumber {
  number: string;
  date: string;
}

export interface SevOrganization {
  /** Organization@ogrn: the ЄДРПОУ code, kept as written. */
  ogrn: string;
  fullname?: string;
  shortname?: string;
  address?: string;
}

export interface SevAuthor {
  organization?: SevOrganization;
  /** PrivatePerson/Name, "secname firstname fathersname". */
  personName?: string;
  outNumber?: SevRegNumber;
}

/** Addressee/Referred: the document or task this one answers. */
export interface SevReference {
  addresseeOgrn?: string;
  refersTo: 'document' | 'task';
  idnumber?: string;
  number: string;
  date: string;
}

export interface SevApprover {
  idnumber: string;
  ogrn?: string;
  deadline: string;
}

export interface SevDocument {
  idnumber: string;
  type: string;
  kind?: string;
  title?: string;
  annotation?: string;
  pages?: number;
  purposeType: string;
  urgent: boolean;
  regNumber: SevRegNumber;
  confidential: boolean;
  authors: SevAuthor[];
  references: SevReference[];
  approvers: SevApprover[];
}

export interface SevExecutor {
  ogrn: string;
  name?: string;
  /** 0 співвиконавець, 1 відповідальний, 2 до відома; absent when not given. */
  responsible?: string;
  deadline: string;
}

export interface SevTask {
  idnumber: string;
  text: string;
  deadline: string;
  onControl: boolean;
  kind?: string;
  taskNumber?: string;
  taskDate?: string;
  executors: SevExecutor[];
}

/** DocTransfer: one file, its content still base64 (as in the message). */
export interface SevDocTransfer {
  idnumber: string;
  /** File type, usually the extension (pdf, docx, txt). */
  type: string;
  /** The file's name as the sender gives it. */
  description: string;
  charSet?: string;
  base64: string;
  path: string;
}

/** Expansion/StaticExpansion/SignInfo: a detached signature over one DocTransfer. */
export interface SevSignInfo {
  docTransferId: string;
  signData: string;
  signingTime?: string;
  hasCertificate: boolean;
  path: string;
}

export interface SevAckResult {
  errorcode: string;
  errortext: string;
}

export interface SevAcknowledgement {
  msgId: string;
  ackType: string;
  regNumber?: SevRegNumber;
  results: SevAckResult[];
}

export interface SevMessage {
  header: SevHeader;
  document?: SevDocument;
  tasks: SevTask[];
  /** Every DocTransfer of the message: Document's, tasks', AddDocuments folders'. */
  transfers: SevDocTransfer[];
  signatures: SevSignInfo[];
  acknowledgement?: SevAcknowledgement;
}
