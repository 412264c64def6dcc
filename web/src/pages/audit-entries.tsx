/** Control-log entries as a table, each with what changed (before → after); shared by the document card and the auditor's page. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { get, type Schemas } from '../api/client';
import { instantUk } from '../format';
import { AUDIT_ACTION_UK } from '../labels';
import { href } from '../router';
import { useLoad } from '../ui/load';
import { ErrorNote, Loading, Table } from '../ui/parts';
import { useStaffNames } from '../staff';

type Entry = Schemas['AuditEntry'];

const shown = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The fields that differ between before and after (a card's snapshot), or the whole of either. */
export function Changes({ entry }: { entry: Entry }): JSX.Element | null {
  // Drawn when opened: a page of 200 entries stays light.
  const [open, setOpen] = useState(false);
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (!entry.before && !entry.after) return null;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Було → стало ({keys.length})</summary>
      {open && <table class="changes">
        <caption class="visually-hidden">Зміни запису № {entry.seq}</caption>
        <thead><tr><th scope="col">Поле</th><th scope="col">Було</th><th scope="col">Стало</th></tr></thead>
        <tbody>{keys.map((k) => <tr><th scope="row">{k}</th><td>{shown(before[k])}</td><td>{shown(after[k])}</td></tr>)}</tbody>
      </table>}
    </details>
  );
}

export function EntriesTable({ items, caption }: { items: Entry[]; caption: string }): JSX.Element {
  const name = useStaffNames();
  return (
    <Table<Entry>
      caption={caption}
      rows={items}
      rowKey={(e) => String(e.seq)}
      empty="Записів немає."
      columns={[
        { header: '№', cell: (e) => e.seq, numeric: true },
        { header: 'Коли', cell: (e) => instantUk(e.at) },
        { header: 'Хто', cell: (e) => name(e.actor) + (e.via?.standingInFor ? ` (заміщує ${name(e.via.standingInFor)})` : '') },
        { header: 'Дія', cell: (e) => AUDIT_ACTION_UK[e.action] ?? e.action },
        { header: 'Документ', cell: (e) => (e.documentId ? <a href={href(`/documents/${e.documentId}`)}>картка</a> : '') },
        { header: 'Підстава', cell: (e) => e.reason ?? '' },
        { header: 'Зміни', cell: (e) => <Changes entry={e} /> },
      ]}
    />
  );
}

export function AuditEntries({ documentId }: { documentId: string }): JSX.Element {
  const log = useLoad(() => get('/api/v1/audit/log', { query: { documentId, limit: 500 } }), documentId);
  if (log.state === 'loading') return <Loading />;
  if (log.state === 'failed') return <ErrorNote error={log.error} />;
  return <EntriesTable items={log.value.items} caption="Записи журналу контролю цього документа" />;
}
