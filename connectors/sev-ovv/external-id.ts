/**
 * The idempotency key of a СЕВ ОВВ document: "<from_org_id>/<from_sys_id>/<msg_id>", each part
 * URI-encoded (so a "/" inside an id cannot shift the parts).
 *
 * Why the message and not the document idnumber: a redelivered message (broker redelivery, the
 * bus handing the same message again, an operator replay) carries the same msg_id, so it is
 * registered once. msg_id is only as unique as the sending system makes it (xs:string), so it is
 * scoped by the sending organisation and system. And the hub's events carry only source and
 * externalId, so the key must hold what an acknowledgement needs: the msg_id it acknowledges and
 * the addressee (to_org_id, to_sys_id of the reply are the sender's from_*).
 * Document@idnumber (the sender's internal id, unique only within its system) is kept in meta.
 */
export interface SevMessageRef {
  orgId: string;
  sysId: string;
  msgId: string;
}

export const MAX_EXTERNAL_ID_LENGTH = 200;

export function externalIdOf(ref: SevMessageRef): string {
  return [ref.orgId, ref.sysId, ref.msgId].map(encodeURIComponent).join('/');
}

/** The message a document came in, or undefined for an externalId this connector did not make. */
export function parseExternalId(externalId: string | undefined): SevMessageRef | undefined {
  const parts = externalId?.split('/');
  if (!parts || parts.length !== 3) return undefined;
  try {
    const [orgId, sysId, msgId] = parts.map(decodeURIComponent) as [string, string, string];
    return orgId && sysId && msgId ? { orgId, sysId, msgId } : undefined;
  } catch {
    return undefined;
  }
}
