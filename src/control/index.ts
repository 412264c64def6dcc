export { ControlService } from './service';
export type { ControlAction, ControlDeps } from './service';
export { ControlScheduler } from './scheduler';
export type { TermService } from './term-service';
