/** Control cards as a table: the document (a link to its card), task, executors, term, status. */
import type { JSX } from 'preact';
import type { Schemas } from '../api/client';
import { dateUk } from '../format';
import { CONTROL_STATUS_UK, executorsUk } from '../labels';
import { href } from '../router';
import { Table } from '../ui/parts';
import { useStaffNames } from '../staff';

export type ListedCard = Schemas['ControlCard'] & { overdue?: boolean };

export function statusText(c: ListedCard): string {
  return c.overdue ? 'прострочено' : CONTROL_STATUS_UK[c.status];
}

export function ControlTable(props: { caption: string; items: ListedCard[]; empty?: string }): JSX.Element {
  const name = useStaffNames();
  return (
    <Table<ListedCard>
      caption={props.caption}
      rows={props.items}
      rowKey={(c) => c.id}
      empty={props.empty ?? 'Карток немає.'}
      columns={[
        { header: 'Документ', cell: (c) => <a href={href(`/documents/${c.documentId}`, { card: c.id })}>{c.documentIndex ?? 'без індексу'}</a> },
        { header: 'Короткий зміст', cell: (c) => c.documentSummary ?? '' },
        { header: 'Завдання', cell: (c) => c.task },
        { header: 'Виконавці', cell: (c) => executorsUk(c.executors, name) },
        { header: 'Строк', cell: (c) => dateUk(c.term) },
        { header: 'Стан', cell: (c) => <span class={c.overdue ? 'tag bad' : 'tag'}>{statusText(c)}</span> },
      ]}
    />
  );
}
