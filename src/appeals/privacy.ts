/**
 * Applicants' personal data is shown only to the roles that need it (001 §2.2.13; Law «Про
 * захист персональних даних»). The role comes in the `X-Dilovod-Role` header: a stand-in for the
 * EDMS's own authorisation until the hub has one; the EDMS sets it for its signed-in user.
 */
import { maskPersonal } from '../log';
import type { AppealCard, AppealView } from '../schemas';

export const ROLE_HEADER = 'x-dilovod-role';

/** The appeals officer (відділ звернень) and the general department (загальний відділ). */
export const PERSONAL_DATA_ROLES: ReadonlySet<string> = new Set(['appeals-officer', 'general-department']);

export function maySeePersonalData(role: string | undefined): boolean {
  return role !== undefined && PERSONAL_DATA_ROLES.has(role.trim().toLowerCase());
}

type Applicant = AppealCard['applicants'][number];

function maskApplicant(a: Applicant): Applicant {
  const m: Applicant = { ...a, fullName: maskPersonal(a.fullName) };
  if (a.address !== undefined) m.address = maskPersonal(a.address);
  if (a.email !== undefined) m.email = maskPersonal(a.email);
  if (a.phone !== undefined) m.phone = maskPersonal(a.phone);
  return m;
}

/** Decision details that name an applicant (the collective appeal's recipient, 003 §134). */
const PERSONAL_DETAILS = ['answerToName'];

/** The view as a role without access sees it: names, addresses, e-mails and phones masked. */
export function maskAppealView(view: AppealView): AppealView {
  return {
    ...view,
    personalData: 'masked',
    card: { ...view.card, applicants: view.card.applicants.map(maskApplicant) },
    intake: {
      ...view.intake,
      decisions: view.intake.decisions.map((d) => {
        const given = d.details as Record<string, unknown> | undefined;
        if (!given || !PERSONAL_DETAILS.some((k) => typeof given[k] === 'string')) return d;
        const details: Record<string, unknown> = { ...given };
        for (const k of PERSONAL_DETAILS) if (typeof details[k] === 'string') details[k] = maskPersonal(details[k] as string);
        return { ...d, details };
      }),
    },
  };
}
