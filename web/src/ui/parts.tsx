/** The pieces every page is made of: headings, tables, the hub's refusals, export buttons, form fields. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, download, url } from '../api/client';
import { asApiError, type Loaded } from './load';

export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }): JSX.Element {
  useEffect(() => {
    document.title = `${props.title} — Діловод`;
  }, [props.title]);
  return (
    <section aria-labelledby="page-title">
      <div class="page-head">
        <h1 id="page-title">{props.title}</h1>
        {props.actions && <div class="page-actions no-print">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}

/** The hub's refusal as staff read it: its Ukrainian message and the rule it rests on. */
export function ErrorNote(props: { error: ApiError | null | undefined }): JSX.Element | null {
  const e = props.error;
  if (!e) return null;
  return (
    <div class="error" role="alert">
      <p>{e.messageUk}</p>
      {e.basis && <p class="basis">Підстава: {e.basis}</p>}
      <p class="code">Код: {e.code}</p>
    </div>
  );
}

export function Loading(): JSX.Element {
  return <p class="loading" role="status">Завантаження…</p>;
}

/** What was loaded, drawn by `children`; «Завантаження…» while waiting; the hub's refusal if it refused. */
export function Shown<T>(props: { loaded: Loaded<T>; children: (value: T) => ComponentChildren }): JSX.Element {
  const l = props.loaded;
  if (l.state === 'loading') return <Loading />;
  if (l.state === 'failed') return <ErrorNote error={l.error} />;
  return <>{props.children(l.value)}</>;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

export function Table<T>(props: { caption: string; columns: Array<Column<T>>; rows: T[]; empty?: string; rowKey?: (row: T) => string }): JSX.Element {
  if (!props.rows.length) return <p class="empty">{props.empty ?? 'Немає записів.'}</p>;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>{props.columns.map((c) => <th scope="col" class={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={props.rowKey ? props.rowKey(row) : i}>
              {props.columns.map((c) => <td class={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** CSV and XLSX of the list shown: the API's own export of the same query (`format=`). */
export function ExportButtons(props: { path: string; query?: Record<string, string | undefined>; name: string; label?: string }): JSX.Element {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const get = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    try {
      await download(url(props.path, {}, { ...props.query, format }), `${props.name}.${format}`);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const what = props.label ?? 'перелік';
  return (
    <div class="exports no-print">
      <button type="button" disabled={busy} onClick={() => get('csv')} aria-label={`Завантажити ${what} у CSV`}>CSV</button>
      <button type="button" disabled={busy} onClick={() => get('xlsx')} aria-label={`Завантажити ${what} у XLSX`}>XLSX</button>
      <ErrorNote error={error} />
    </div>
  );
}

let fieldCounter = 0;
const useId = (): string => useState(() => `f${++fieldCounter}`)[0];

/** `list`: the id of a <datalist> whose options the browser offers as the person types. */
export function TextField(props: { label: string; name: string; value: string; onInput: (v: string) => void; type?: 'text' | 'date' | 'search' | 'password' | 'number'; required?: boolean; hint?: string; multiline?: boolean; list?: string }): JSX.Element {
  const id = useId();
  const common = { id, name: props.name, value: props.value, required: props.required, 'aria-describedby': props.hint ? `${id}-hint` : undefined };
  return (
    <div class="field">
      <label for={id}>{props.label}{props.required && <span aria-hidden="true"> *</span>}</label>
      {props.multiline
        ? <textarea {...common} rows={3} onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)} />
        : <input {...common} type={(props.type ?? 'text') as 'text'} list={props.list} onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)} />}
      {props.hint && <small id={`${id}-hint`}>{props.hint}</small>}
    </div>
  );
}

export function SelectField(props: { label: string; name: string; value: string; onChange: (v: string) => void; options: Array<[string, string]> }): JSX.Element {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.options.map(([v, l]) => <option value={v}>{l}</option>)}
      </select>
    </div>
  );
}

export function CheckField(props: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void }): JSX.Element {
  const id = useId();
  return (
    <div class="field check">
      <input id={id} type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** «Далі» for a keyset page; «На початок» back to the first one. */
export function Pager(props: { nextCursor: string | null | undefined; cursor?: string; go: (cursor: string | undefined) => void }): JSX.Element | null {
  if (!props.nextCursor && !props.cursor) return null;
  return (
    <nav class="pager no-print" aria-label="Сторінки переліку">
      {props.cursor && <button type="button" onClick={() => props.go(undefined)}>На початок</button>}
      {props.nextCursor && <button type="button" onClick={() => props.go(props.nextCursor!)}>Наступна сторінка</button>}
    </nav>
  );
}

/** A «form» of filters whose values live in the page's address (so a link opens the same list). */
export function FilterForm(props: { label: string; onSubmit: () => void; children: ComponentChildren }): JSX.Element {
  return (
    <form class="filters no-print" aria-label={props.label} onSubmit={(e) => { e.preventDefault(); props.onSubmit(); }}>
      {props.children}
      <div class="field submit"><button type="submit" class="primary">Показати</button></div>
    </form>
  );
}
