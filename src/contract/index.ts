/** The published contract: OpenAPI 3.1 of the HTTP routes, AsyncAPI 3 of the broker, the reference page. */
export { buildOpenApi, openApiPath, operationKey, undescribedRoutes, staleDescriptions, OPTIONAL_ROUTES, XLSX_TYPE, type OpenApiOptions } from './openapi';
export { buildAsyncApi, type AsyncApiOptions } from './asyncapi';
export { renderReferencePage } from './reference-page';
export { OPERATIONS, TAGS, type Operation } from './operations';
export { hubVersion } from './version';
