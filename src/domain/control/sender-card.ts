/**
 * Control set by the sender (schemas/sender-control.schema.json): the sender itself put its task for
 * the council under control with its own term. The document is under control from registration —
 * «після одержання контрольного документа спеціаліст з контролю … заносить термін його виконання»
 * (003 п. 165) — with the term the document sets (п. 166), on a card that has no executors until the
 * head's resolution names them on that same card (п. 157). Only who set a term changes it (п. 158)
 * and controlled documents are executed strictly in their terms (п. 172): nothing in the council
 * moves the term past the sender's. Pure: the calendar comes in the context.
 */
import { formatDateUk } from '../calendar';
import type { SenderControl } from '../../schemas';
import { controlError } from './errors';
import { freshControl, rolled, senderTermOf, type ControlContext } from './lifecycle';
import type { ControlCard } from './types';

/** The card's rule: the term is the sender's, not a rule's. */
export const SENDER_CONTROL_RULE = 'sender-control';

/**
 * Who set the term and controls the card until a resolution: the sender, named as such. Staff ids
 * have no colon (staff-member.schema.json), so this is never taken for a person of the directory:
 * no one in the council grants an extension of it or releases the card in the sender's name.
 */
export function senderRef(sc: SenderControl): string {
  return `sender:${sc.sender.edrpou ?? sc.sender.name}`;
}

/** The task as staff read it: the sender, its number and date. */
export function senderTaskUk(sc: SenderControl): string {
  const number = sc.taskNumber ? ` № ${sc.taskNumber}` : '';
  const date = sc.taskDate ? ` від ${formatDateUk(sc.taskDate)}` : '';
  return `контрольне завдання${number}${date} (${sc.sender.name}${sc.sender.edrpou ? `, ЄДРПОУ ${sc.sender.edrpou}` : ''})`;
}

/** The basis of the term, in Ukrainian: staff and the control log read it. */
export function senderControlBasis(sc: SenderControl): string {
  return `Строк, установлений відправником: ${senderTaskUk(sc)}; контрольний документ виконується в строк, визначений ним самим, ` +
    'суворо в цей строк, а змінює строк лише той, хто його встановив (Регламент виконкому (003), пп. 158, 165, 166, 172)';
}

export interface SenderCardInput {
  id: string;
  documentId: string;
  resolutionNo: number;
  /** Put under control on the day it is registered (003 п. 165). */
  registrationDate: string;
  senderControl: SenderControl;
  /** Appeals only: the 45 days of art. 20 still cap any extension (as for a resolution's card). */
  appealReceivedOn?: string | null;
}

/**
 * The card opened at registration: the sender's term (a date on a day off ends on the next working
 * day, ЦК ст. 254 ч. 5, as every term given as a date here), no executors, the sender as author,
 * controller and term setter. A term already past on arrival stays as sent: the card is overdue
 * from its first day, which is what the department must see.
 */
export function openSenderControl(input: SenderCardInput, ctx: ControlContext): ControlCard {
  const sc = input.senderControl;
  const term = rolled(sc.term, input.registrationDate, ctx);
  const sender = senderRef(sc);
  return {
    id: input.id,
    documentId: input.documentId,
    resolutionNo: input.resolutionNo,
    version: 1,
    author: sender,
    controller: sender,
    termSetBy: sender,
    executors: [],
    task: sc.task,
    resolutionDate: input.registrationDate,
    rule: SENDER_CONTROL_RULE,
    basis: senderControlBasis(sc),
    term,
    originalTerm: term,
    ...ctx.derive(term),
    appealReceivedOn: input.appealReceivedOn ?? null,
    ...freshControl(),
    senderControl: sc,
  };
}

/** An open card of the sender's control that no resolution has given executors yet: the head's next resolution fills it. */
export function awaitsExecutors(card: ControlCard): boolean {
  return Boolean(card.senderControl) && card.status === 'under-control' && card.executors.length === 0;
}

export interface SenderCardResolution {
  author: string;
  controller?: string;
  executors: string[];
  task: string;
  resolutionDate: string;
  /** A term the resolution sets, as the calendar ends it; absent: the sender's stands. */
  term?: string;
}

/**
 * The head's resolution on a card of the sender's control (003 п. 157): executors (the first
 * responsible), author, controller, the resolution's task after the sender's. The term stays the
 * sender's; an earlier one is the head's own (they set it, so they may move it — within the
 * sender's, п. 158); a later one would extend the sender's term and is refused.
 */
export function fillSenderControl(card: ControlCard, r: SenderCardResolution, ctx: ControlContext): ControlCard {
  if (!awaitsExecutors(card)) throw controlError('NOT_UNDER_CONTROL', { status: card.status, executors: card.executors });
  const executors = r.executors.map((e) => e.trim()).filter(Boolean);
  if (!executors.length) throw controlError('NO_EXECUTORS');
  // The card was opened on the registration date; a resolution is made on the registered document (003 п. 157).
  if (r.resolutionDate < card.resolutionDate) {
    throw controlError('RESOLUTION_BEFORE_REGISTRATION', { resolutionDate: r.resolutionDate, registrationDate: card.resolutionDate });
  }
  const filled: ControlCard = {
    ...card,
    author: r.author,
    controller: r.controller ?? r.author,
    executors,
    task: `${card.task}; резолюція: ${r.task}`,
    resolutionDate: r.resolutionDate,
  };
  const senderTerm = senderTermOf(card) ?? card.originalTerm;
  if (r.term === undefined || r.term === card.term) return filled;
  if (r.term > senderTerm) throw controlError('RESOLUTION_BEYOND_SENDER_TERM', { term: r.term, senderTerm });
  if (r.term < r.resolutionDate) throw controlError('TERM_BEFORE_RESOLUTION', { term: r.term, resolutionDate: r.resolutionDate });
  return {
    ...filled,
    term: r.term,
    termSetBy: r.author,
    rule: 'explicit',
    basis: `Строк, установлений резолюцією, раніший за строк відправника ${formatDateUk(senderTerm)} (003 пп. 157, 158, 172); строк відправника: ${card.basis}`,
    ...ctx.derive(r.term),
  };
}
