/** Identity: who the caller is, what each role may do, the staff directory, and what is recorded of it. */
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, isRole, permissionsOf, type Role, type Permission } from './roles';
export {
  makePrincipal, can, maySeePersonalData, documentScope, sourceAllowed, auditActor,
  type Principal, type AuthMethod, type SystemRef, type DocumentScope,
} from './principal';
export { identityError, IDENTITY_ERROR_CODES, type IdentityErrorCode } from './errors';
export { resolveCaller, type CallerDeps, type Credentials } from './caller';
export { OidcVerifier, looksLikeJwt, type OidcConfig, type OidcIdentity } from './oidc';
export { createToken, authenticateToken, listTokens, revokeToken, checkSpec, type TokenSpec, type TokenInfo } from './tokens';
export { readStaffFile, parseStaffDirectory, importStaff, listStaff, getStaff, getPerson, requireStaff, standsInFor, requireStandIn } from './staff';
export { recordPersonalDataReads, queryPersonalDataReads, type PersonalRecordRef, type PersonalRecordKind, type PersonalDataRead } from './personal-data-reads';
export { ensureAdminToken } from './bootstrap';
