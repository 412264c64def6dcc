/** «Журнал контролю» (auditor): filters by document, person, action and dates; each entry's before/after; the chain's check; export. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, get, type Schemas } from '../api/client';
import { instantUk, ITEMS, plural } from '../format';
import { AUDIT_ACTION_UK } from '../labels';
import { navigate } from '../router';
import { asApiError, useLoad } from '../ui/load';
import { ErrorNote, ExportButtons, FilterForm, Page, Pager, SelectField, Shown, TextField } from '../ui/parts';
import { useStaffList } from '../staff';
import { EntriesTable } from './audit-entries';

type Verdict = Schemas['AuditVerdict'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditLog({ query }: { query: Record<string, string> }): JSX.Element {
  const [f, setF] = useState({ document: query.documentIndex ?? query.documentId ?? '', actor: query.actor ?? '', action: query.action ?? '', from: query.from ?? '', to: query.to ?? '' });
  const asked = { documentId: query.documentId, documentIndex: query.documentIndex, actor: query.actor, action: query.action, from: query.from, to: query.to };
  const log = useLoad(() => get('/api/v1/audit/log', { query: { ...asked, cursor: query.cursor, limit: 200 } }), JSON.stringify(query));
  const staff = useStaffList();
  // The document as the auditor has it: the card's id (a link from the card) or the index on paper;
  // the person by the name in the directory (the log keeps the id) or by an id (a token, a system).
  const submit = () => {
    const doc = f.document.trim();
    const actor = f.actor.trim();
    const named = staff.find((p) => p.fullName.toLocaleLowerCase('uk') === actor.toLocaleLowerCase('uk'));
    navigate('/audit', {
      documentId: UUID.test(doc) ? doc : undefined, documentIndex: UUID.test(doc) ? undefined : doc,
      actor: named?.id ?? actor, action: f.action, from: f.from, to: f.to,
    });
  };
  // An action this page has no name for (a link from elsewhere) is still shown as chosen.
  const actions: Array<[string, string]> = [['', 'усі'], ...Object.entries(AUDIT_ACTION_UK)];
  if (query.action && !AUDIT_ACTION_UK[query.action]) actions.push([query.action, query.action]);
  return (
    <Page title="Журнал контролю">
      <ChainCheck />
      <FilterForm label="Відбір записів" onSubmit={submit}>
        <TextField label="Документ" name="document" value={f.document} onInput={(document) => setF({ ...f, document })} hint="Реєстраційний індекс (01-07/12) або ідентифікатор картки" />
        <TextField label="Хто" name="actor" value={f.actor} onInput={(actor) => setF({ ...f, actor })} list="audit-people" hint="Ім’я з довідника або ідентифікатор" />
        <datalist id="audit-people">{staff.map((p) => <option value={p.fullName}>{p.id}</option>)}</datalist>
        <SelectField label="Дія" name="action" value={f.action} onChange={(action) => setF({ ...f, action })} options={actions} />
        <TextField label="З" name="from" type="date" value={f.from} onInput={(from) => setF({ ...f, from })} />
        <TextField label="По" name="to" type="date" value={f.to} onInput={(to) => setF({ ...f, to })} />
      </FilterForm>
      <Shown loaded={log}>{(v) => (
        <>
          <div class="list-head">
            <p role="status">На сторінці {plural(v.items.length, ITEMS)}{v.nextCursor ? ' (є наступна сторінка)' : ''}.</p>
            <ExportButtons path="/api/v1/audit/log" query={{ ...asked, cursor: query.cursor, limit: '200' }} name="audit-log" label="журнал контролю" />
          </div>
          <EntriesTable items={v.items} caption="Записи журналу контролю, давніші першими" />
          <Pager nextCursor={v.nextCursor} cursor={query.cursor} go={(cursor) => navigate('/audit', { ...query, cursor })} />
        </>
      )}</Shown>
    </Page>
  );
}

/** Walks the hash chain and the signed checkpoints; the head hash is for the auditor to write down. */
function ChainCheck(): JSX.Element {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setVerdict(await get('/api/v1/audit/verify'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="chain" aria-labelledby="chain-title">
      <h2 id="chain-title">Цілісність журналу</h2>
      <button type="button" class="primary" onClick={check} disabled={busy}>Перевірити ланцюжок</button>
      <ErrorNote error={error} />
      {verdict && (verdict.ok ? (
        <div class="verdict ok" role="status">
          <p><strong>Журнал контролю цілісний:</strong> перевірено {plural(verdict.checked, ITEMS)}.</p>
          {verdict.head && <p>Останній запис № {verdict.head.seq}, хеш для протоколу: <code class="hash">{verdict.head.hash}</code></p>}
          {verdict.checkpoint
            ? <p>Збігається з підписаною контрольною точкою від {instantUk(verdict.checkpoint.at)}: засвідчено {plural(verdict.checkpoint.size, ITEMS)} (ключ {verdict.checkpoint.keyId}).</p>
            : <p>Підписаних контрольних точок ще немає.</p>}
        </div>
      ) : (
        <div class="verdict bad" role="alert">
          <p><strong>Журнал контролю змінено.</strong> {verdict.messageUk}</p>
        </div>
      ))}
    </section>
  );
}
