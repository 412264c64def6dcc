export { exemptionFor, EXEMPT_SUBTYPE_NAMES } from './exemptions';
export type { Exemption } from './exemptions';
export { renderIndex, checkIndexTemplate } from './index-template';
export type { IndexParts } from './index-template';
export { planRegistration, RoutingError } from './routing';
export { ownNumberOf, OWN_NUMBERED_KINDS } from './own-number';
export type { OwnNumber } from './own-number';
export type { RegistrationPlan, PlanInput, RegistryRouting } from './routing';
export { DOCUMENT_KIND_UK, DOCUMENT_STATUS_UK, DOCUMENTS_TABLE, URGENCY_UK } from './document-table';
