/**
 * Which of a sender's tasks put the council under the sender's control, and with what term: for a
 * connector to fill DocumentSubmission.senderControl (schemas/sender-control.schema.json) from the
 * tasks it decoded — СЕВ ОВВ's meta.tasks (Task@referred-control, Executor@responsible/deadline,
 * TaskNumber) or a channel's own of the same shape. Pure.
 */
import { formatDateUk } from '../calendar';
import type { SenderControl } from '../../schemas';

/** One executor of a task: the organisation by its ЄДРПОУ, its role, its own deadline. */
export interface SenderTaskExecutor {
  ogrn: string;
  name?: string;
  /** 0 co-executor, 1 responsible, 2 for information only («до відома»); absent when not given. */
  responsible?: string;
  deadline: string;
}

/** A task as a connector decoded it (the shape of СЕВ ОВВ's meta.tasks). */
export interface SenderTask {
  idnumber: string;
  text: string;
  deadline: string;
  /** The sender put it under control (СЕВ ОВВ: Task@referred-control="1"). */
  onControl: boolean;
  taskNumber?: string;
  taskDate?: string;
  executors: SenderTaskExecutor[];
}

/** Named only to be informed: nothing to execute, hence nothing under control for us. */
const FOR_INFORMATION_ONLY = '2';
const MAX_TASK = 4000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ЄДРПОУ as eight digits: Organization@ogrn is xs:integer in the 1207 format, so a code's
 * leading zeros may be lost on the way. Anything else is not an organisation code.
 */
export function edrpouOf(raw: string | undefined): string | undefined {
  const digits = raw?.trim().replace(/^\+/, '');
  if (!digits || !/^\d{1,8}$/.test(digits)) return undefined;
  return digits.padStart(8, '0');
}

/** The council's own deadline in a task it must execute, else the task's; undefined when it is not an executor. */
function ourTerm(task: SenderTask, council: string): string | undefined {
  const ours = task.executors.filter((e) => edrpouOf(e.ogrn) === council && e.responsible !== FOR_INFORMATION_ONLY);
  if (!ours.length) return undefined;
  const own = ours.map((e) => e.deadline).filter((d) => ISO_DATE.test(d)).sort()[0];
  return own ?? (ISO_DATE.test(task.deadline) ? task.deadline : undefined);
}

/**
 * The sender's control over the council, or undefined: only tasks the sender put under control
 * (onControl) that name the council (its ЄДРПОУ) as responsible or co-executor count — a task we
 * are only told of, or one for others, puts nothing of ours under control. The earliest term wins
 * (003 п. 172: executed strictly in the terms set, so the first one due is the one to watch); the
 * other controlled tasks' texts follow its own, so none is lost from the card.
 */
export function senderControlFromTasks(
  tasks: readonly SenderTask[],
  councilEdrpou: string,
  sender: { name: string; edrpou?: string },
): SenderControl | undefined {
  const council = edrpouOf(councilEdrpou);
  if (!council) return undefined;
  const controlled = tasks
    .filter((t) => t.onControl)
    .map((task) => ({ task, term: ourTerm(task, council) }))
    .filter((t): t is { task: SenderTask; term: string } => t.term !== undefined)
    .sort((a, b) => a.term.localeCompare(b.term));
  const first = controlled[0];
  if (!first) return undefined;
  const { task, term } = first;
  const text = controlled.length === 1
    ? task.text
    : controlled.map((c) => `${c.task.taskNumber ? `№ ${c.task.taskNumber}` : c.task.idnumber} (до ${formatDateUk(c.term)}): ${c.task.text}`).join('; ');
  const edrpou = edrpouOf(sender.edrpou);
  return {
    term,
    task: (text.trim() || 'Завдання відправника').slice(0, MAX_TASK),
    ...(task.idnumber.trim() ? { taskId: task.idnumber.trim().slice(0, 200) } : {}),
    ...(task.taskNumber?.trim() ? { taskNumber: task.taskNumber.trim().slice(0, 100) } : {}),
    ...(task.taskDate && ISO_DATE.test(task.taskDate) ? { taskDate: task.taskDate } : {}),
    sender: { name: sender.name.trim().slice(0, 500) || (edrpou ? `ЄДРПОУ ${edrpou}` : 'Відправник'), ...(edrpou ? { edrpou } : {}) },
  };
}
