/**
 * Documents the council issues itself — decisions of the executive committee, the mayor's orders —
 * are numbered when they are signed, in the general department's own journals (e.g. «233-р»). They
 * reach the hub already registered: their number and date ARE the registration, and the hub must
 * not give them a second one (issue 13: a mayor's order came out as «01-05/326»). They are put
 * under control as 003 §195 says (a month from the general department's dissemination, unless the
 * document sets a term), from the day the hub received them (src/control/terms.ts).
 */
export const OWN_NUMBERED_KINDS: ReadonlySet<string> = new Set(['committee-decision', 'mayor-order']);

export interface OwnNumber {
  /** As the document bears it: «233-р», «45/3». */
  index: string;
  /** Its running number in the journal: the leading digits of the index. */
  number: number;
  /** The date it was signed and numbered. */
  date: string;
}

/**
 * The document's own registration, when it is one of the council's and carries a number with a
 * running number in front; otherwise undefined (the hub draws one in that journal, as for any
 * document registered here first).
 */
export function ownNumberOf(sub: { kind: string; outgoing?: { number: string; date: string } }): OwnNumber | undefined {
  if (!OWN_NUMBERED_KINDS.has(sub.kind) || !sub.outgoing) return undefined;
  const index = sub.outgoing.number.trim();
  const digits = /^(\d{1,9})(?!\d)/.exec(index);
  if (!digits || Number(digits[1]) < 1) return undefined;
  return { index, number: Number(digits[1]), date: sub.outgoing.date };
}
