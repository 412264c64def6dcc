import { FOR_INFORMATION_ONLY } from './format';
import type { SevApprover, SevTask } from './message';

/** ЄДРПОУ codes compare as numbers: Organization@ogrn is xs:integer, so leading zeros may be lost. */
export function sameOrganization(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (s: string) => s.trim().replace(/^[+]?0+(?=\d)/, '');
  return norm(a) === norm(b);
}

function earliest(dates: string[]): string | undefined {
  return dates.filter(Boolean).sort()[0];
}

/**
 * The term written in the document for us (→ DocumentSubmission.dueDate):
 * - TaskList: the earliest Executor@deadline where we are an executor (відповідальний or
 *   співвиконавець); named only "до відома" (responsible=2) → no term from the tasks; not named
 *   at all → the earliest Task@deadline, because a missed term costs more than an extra one;
 * - ApprovalRequest (на погодження): the same for Approver@deadline.
 * The earliest of the two wins. Every task with its control flag stays in meta for the clerk.
 */
export function dueDateFor(tasks: SevTask[], approvers: SevApprover[], ourOrgId: string): string | undefined {
  const candidates: string[] = [];
  const ours = tasks.flatMap((t) => t.executors).filter((e) => sameOrganization(e.ogrn, ourOrgId));
  if (ours.length) candidates.push(...ours.filter((e) => e.responsible !== FOR_INFORMATION_ONLY).map((e) => e.deadline));
  else candidates.push(...tasks.map((t) => t.deadline));
  const ourApprovals = approvers.filter((a) => sameOrganization(a.ogrn, ourOrgId));
  candidates.push(...(ourApprovals.length ? ourApprovals : approvers).map((a) => a.deadline));
  return earliest(candidates);
}
