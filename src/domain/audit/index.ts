/** The control log's hash chain and the signed checkpoints of it (pure: no database, no files). */
export * from './chain';
export * from './checkpoint';
export { AUDIT_ACTION_UK } from './labels-uk';
