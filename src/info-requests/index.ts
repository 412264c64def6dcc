/**
 * Public-information requests (Закон «Про доступ до публічної інформації» № 2939-VI), the I/O
 * half: the journal, the extension with notice to the requester, the answer. The rules are the
 * pure src/domain/info-requests.
 */
export { InfoRequestService, requireInfoRequestAnswer } from './service';
export type { InfoRequestServiceDeps } from './service';
export { infoRequestError, asHubError as infoRequestHubError } from './errors';
export type { InfoRequestErrorCode } from './errors';
