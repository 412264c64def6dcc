/** What staff read for a control card's status: the exports and the web pages (web/) import it. */
import type { ControlStatus } from './types';

export const CONTROL_STATUS_UK: Readonly<Record<ControlStatus, string>> = {
  'under-control': 'на контролі',
  executed: 'виконано',
  released: 'знято з контролю',
};
