export { createApp } from './app';
export type { ApiDeps } from './app';
