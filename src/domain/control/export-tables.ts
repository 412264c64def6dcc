/**
 * The control lists staff open in Excel (issue 12), each defined once for CSV and XLSX
 * (src/exports): the daily list of unexecuted items and the weekly plan (003 §165), and executive
 * discipline per executor (003 §117).
 */
import { date, integer, percent, text, yesNoUk, type Table } from '../../exports';
import type { DisciplineReport } from '../../schemas/generated';
import type { ControlCard } from './types';
import { CONTROL_STATUS_UK, executorsUk, NO_EXECUTOR_UK } from './labels-uk';

export { CONTROL_STATUS_UK, executorsUk, NO_EXECUTOR_UK };

/** A card as GET /api/v1/control lists it: with its document's index and summary, overdue today or not. */
export type ControlListRow = Pick<ControlCard, 'task' | 'executors' | 'term' | 'status'> & {
  documentIndex: string | null;
  documentSummary: string;
  overdue: boolean;
};

export const CONTROL_LIST_TABLE: Table<ControlListRow> = {
  title: 'Перелік документів і завдань на контролі',
  fileName: 'control-list',
  columns: [
    text('Реєстраційний індекс', (c) => c.documentIndex),
    text('Короткий зміст', (c) => c.documentSummary),
    text('Завдання', (c) => c.task),
    text('Виконавці', (c) => executorsUk(c.executors)),
    date('Строк', (c) => c.term),
    text('Стан', (c) => CONTROL_STATUS_UK[c.status]),
    text('Прострочено', (c) => yesNoUk(c.overdue)),
  ],
};

/** One executor's figures over the cards whose term fell in the period (schemas/discipline-report). */
export type DisciplineReportRow = DisciplineReport['executors'][number];

export const DISCIPLINE_TABLE: Table<DisciplineReportRow> = {
  title: 'Стан виконавської дисципліни',
  fileName: 'discipline',
  columns: [
    text('Виконавець', (r) => r.executor ?? NO_EXECUTOR_UK),
    integer('Усього на контролі', (r) => r.total),
    integer('Виконано вчасно', (r) => r.onTime),
    integer('Виконано із запізненням', (r) => r.late),
    integer('Прострочено', (r) => r.overdue),
    integer('На виконанні', (r) => r.open),
    percent('Частка вчасно, %', (r) => r.shareOnTime, 1),
  ],
};
