/** «Виконавська дисципліна» (003 §117): per executor and subdivision — on time, late, overdue, share on time; a chart; the cards behind each number. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { get, type Schemas } from '../api/client';
import { addDays, CARDS, dateUk, kyivToday, plural, shareUk } from '../format';
import { NO_EXECUTOR_UK, OUTCOME_UK } from '../labels';
import { href, navigate } from '../router';
import { session } from '../session';
import { BarChart } from '../ui/chart';
import { useLoad } from '../ui/load';
import { ExportButtons, FilterForm, Page, Shown, Table, TextField } from '../ui/parts';
import { ControlTable } from './control-table';
import { useStaffNames } from '../staff';

type Row = Schemas['DisciplineReport']['executors'][number];
type Outcome = keyof typeof OUTCOME_UK;

/** The period asked, else this month. */
function period(query: Record<string, string>): { from: string; to: string } {
  const first = `${kyivToday().slice(0, 7)}-01`;
  return { from: query.from ?? first, to: query.to ?? addDays(`${addDays(first, 32).slice(0, 7)}-01`, -1) };
}

const share = (r: { onTime: number; late: number; overdue: number }): number | null => {
  const counted = r.onTime + r.late + r.overdue;
  return counted ? r.onTime / counted : null;
};

export function Discipline({ query }: { query: Record<string, string> }): JSX.Element {
  const p = period(query);
  const to = p.to;
  const [f, setF] = useState({ from: p.from, to });
  const report = useLoad(() => get('/api/v1/reports/discipline', { query: { from: p.from, to } }), `${p.from}|${to}`);
  const staff = useLoad(() => (session.can('staff:read') ? get('/api/v1/staff') : Promise.resolve({ staff: [] })), 'staff');
  const staffName = useStaffNames();
  // Null: the cards of the sender's control no resolution has given an executor yet.
  const name = (executor: string | null) => (executor === null ? NO_EXECUTOR_UK : staffName(executor));
  const cardsOf = (r: Row) => (r.executor === null ? { unassigned: 'true' } : { executor: r.executor });
  const link = (r: Row, outcome: Outcome, n: number) => (n ? <a href={href('/discipline/cards', { ...cardsOf(r), from: p.from, to, outcome })} aria-label={`${name(r.executor)}: ${OUTCOME_UK[outcome]} — ${n}`}>{n}</a> : '0');
  return (
    <Page title="Виконавська дисципліна">
      <FilterForm label="Період" onSubmit={() => navigate('/discipline', f)}>
        <TextField label="Строк виконання з" name="from" type="date" value={f.from} onInput={(from) => setF({ ...f, from })} />
        <TextField label="по" name="to" type="date" value={f.to} onInput={(v) => setF({ ...f, to: v })} />
      </FilterForm>
      <Shown loaded={report}>{(v) => {
        const rows = v.executors;
        const subdivisionOf = new Map((staff.state === 'ready' ? staff.value.staff : []).map((s) => [s.id, s.subdivision ?? 'без підрозділу']));
        const bySub = new Map<string, { onTime: number; late: number; overdue: number; open: number; total: number }>();
        for (const r of rows) {
          const key = r.executor === null ? NO_EXECUTOR_UK : subdivisionOf.get(r.executor) ?? 'без підрозділу';
          const s = bySub.get(key) ?? { onTime: 0, late: 0, overdue: 0, open: 0, total: 0 };
          bySub.set(key, { onTime: s.onTime + r.onTime, late: s.late + r.late, overdue: s.overdue + r.overdue, open: s.open + r.open, total: s.total + r.total });
        }
        return (
          <>
            <div class="list-head">
              <p role="status">Строки з {dateUk(p.from)} по {dateUk(to)}, станом на {dateUk(v.today)}: виконавців — {rows.length}.</p>
              <ExportButtons path="/api/v1/reports/discipline" query={{ from: p.from, to }} name="discipline" label="звіт про виконавську дисципліну" />
            </div>
            {rows.length > 0 && (
              <BarChart label="Виконання в строк, із запізненням і прострочені, за виконавцями" stacked horizontal
                labels={rows.map((r) => name(r.executor))}
                series={[
                  { label: 'вчасно', values: rows.map((r) => r.onTime), color: '#2e7d32' },
                  { label: 'із запізненням', values: rows.map((r) => r.late), color: '#b35c00' },
                  { label: 'прострочено', values: rows.map((r) => r.overdue), color: '#a4262c' },
                ]} />
            )}
            <Table<Row>
              caption="За виконавцями (число відкриває перелік карток)"
              rows={rows}
              rowKey={(r) => r.executor ?? ''}
              empty="За цей період строків не було."
              columns={[
                { header: 'Виконавець', cell: (r) => name(r.executor) },
                { header: 'Усього', cell: (r) => r.total, numeric: true },
                { header: 'Вчасно', cell: (r) => link(r, 'on-time', r.onTime), numeric: true },
                { header: 'Із запізненням', cell: (r) => link(r, 'late', r.late), numeric: true },
                { header: 'Прострочено', cell: (r) => link(r, 'overdue', r.overdue), numeric: true },
                { header: 'У роботі', cell: (r) => link(r, 'open', r.open), numeric: true },
                { header: 'Частка вчасно', cell: (r) => shareUk(r.shareOnTime), numeric: true },
              ]}
            />
            <Table<[string, { onTime: number; late: number; overdue: number; open: number; total: number }]>
              caption="За підрозділами"
              rows={[...bySub.entries()].sort(([a], [b]) => a.localeCompare(b, 'uk'))}
              rowKey={([k]) => k}
              columns={[
                { header: 'Підрозділ', cell: ([k]) => k },
                { header: 'Усього', cell: ([, s]) => s.total, numeric: true },
                { header: 'Вчасно', cell: ([, s]) => s.onTime, numeric: true },
                { header: 'Із запізненням', cell: ([, s]) => s.late, numeric: true },
                { header: 'Прострочено', cell: ([, s]) => s.overdue, numeric: true },
                { header: 'У роботі', cell: ([, s]) => s.open, numeric: true },
                { header: 'Частка вчасно', cell: ([, s]) => shareUk(share(s)), numeric: true },
              ]}
            />
          </>
        );
      }}</Shown>
    </Page>
  );
}

export function DisciplineCards({ query }: { query: Record<string, string> }): JSX.Element {
  const outcome = (query.outcome ?? 'overdue') as Outcome;
  const unassigned = query.unassigned === 'true';
  const asked = { ...(unassigned ? { unassigned: 'true' as const } : { executor: query.executor ?? '' }), from: query.from ?? '', to: query.to ?? '', outcome };
  const cards = useLoad(() => get('/api/v1/reports/discipline/cards', { query: asked }), JSON.stringify(asked));
  const staffName = useStaffNames();
  const who = unassigned ? NO_EXECUTOR_UK : staffName(query.executor);
  return (
    <Page title={`Картки: ${who}, ${OUTCOME_UK[outcome]}`}>
      <p><a href={href('/discipline', { from: asked.from, to: asked.to })}>← До звіту</a></p>
      <Shown loaded={cards}>{(v) => (
        <>
          <p role="status">{plural(v.items.length, CARDS)} зі строком з {dateUk(asked.from)} по {dateUk(asked.to)}.</p>
          <ControlTable caption={unassigned ? `Картки, яким ${NO_EXECUTOR_UK}: ${OUTCOME_UK[outcome]}` : `Картки виконавця ${who}: ${OUTCOME_UK[outcome]}`} items={v.items} />
        </>
      )}</Shown>
    </Page>
  );
}
