import type { DocumentKind, RegistryRouting } from '../../schemas';
import { exemptionFor, Exemption } from './exemptions';

export type { RegistryRouting };

/** What the registry decided for one document, before a number is drawn. */
export type RegistrationPlan =
  | { registrable: true; journal: string; case: string; year: number; date: string }
  | { registrable: false; exemption: Exemption };

export interface PlanInput {
  kind: DocumentKind;
  subtype?: string;
  caseIndex?: string;
  /** Registration date (Kyiv calendar date, YYYY-MM-DD): the year numbering runs in. */
  registrationDate: string;
}

export class RoutingError extends Error {
  constructor(readonly code: 'UNROUTED_KIND', readonly kind: string) {
    super(`no journal is configured for kind ${kind}`);
  }
}

/**
 * Decides whether and where a document is registered: exempt per 003 §157, or the kind's journal
 * and case (the submission's caseIndex, else the subtype's case, else the kind's default).
 */
export function planRegistration(routing: RegistryRouting, input: PlanInput): RegistrationPlan {
  const exemption = exemptionFor(input.subtype);
  if (exemption) return { registrable: false, exemption };
  const route = routing.kinds[input.kind];
  if (!route) throw new RoutingError('UNROUTED_KIND', input.kind);
  const subtypeCase = input.subtype ? route.subtypeCases?.[input.subtype] : undefined;
  return {
    registrable: true,
    journal: route.journal,
    case: input.caseIndex ?? subtypeCase ?? route.case,
    year: Number(input.registrationDate.slice(0, 4)),
    date: input.registrationDate,
  };
}
