/** «Карантин»: what the hub could not accept, why (in Ukrainian), the raw bytes as permission allows, replay and dismiss. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, get, post, raw, url, type Schemas } from '../api/client';
import { INPUTS, instantUk, plural } from '../format';
import { href, navigate } from '../router';
import { session } from '../session';
import { asApiError, useLoad } from '../ui/load';
import { ErrorNote, ExportButtons, FilterForm, Page, Pager, SelectField, Shown, TextField } from '../ui/parts';
import { QUARANTINE_STATUS_UK } from '../labels';

type Item = Schemas['QuarantineItem'];
const SHOWN_BYTES = 64 * 1024;

export function Quarantine({ query }: { query: Record<string, string> }): JSX.Element {
  const [f, setF] = useState({ status: query.status ?? 'open', code: query.code ?? '' });
  const asked = { status: (query.status ?? 'open') as 'open', code: query.code, cursor: query.cursor };
  const list = useLoad(() => get('/api/v1/quarantine', { query: asked }), JSON.stringify(query));
  // What the last replay or dismissal did stays on the page after its item leaves the open list.
  const [notice, setNotice] = useState<{ text: string; documentId?: string } | null>(null);
  const changed = (n: { text: string; documentId?: string }) => {
    setNotice(n);
    list.reload();
  };
  return (
    <Page title="Карантин">
      <FilterForm label="Відбір" onSubmit={() => navigate('/quarantine', f)}>
        <SelectField label="Стан" name="status" value={f.status} onChange={(status) => setF({ ...f, status })} options={[['open', 'чекають'], ['replayed', 'оброблені повторно'], ['dismissed', 'відхилені'], ['all', 'усі']]} />
        <TextField label="Код причини" name="code" value={f.code} onInput={(code) => setF({ ...f, code })} />
      </FilterForm>
      {notice && (
        <p role="status" class="ok">{notice.text}{notice.documentId && <> <a href={href(`/documents/${notice.documentId}`)}>Відкрити картку документа</a></>}</p>
      )}
      <Shown loaded={list}>{(v) => (
        <>
          <div class="list-head">
            <p role="status">На сторінці {plural(v.items.length, INPUTS)}{v.nextCursor ? ' (є наступна сторінка)' : ''}.</p>
            {/* The list as the API exports it: no payloads in the file (they are read one at a time, by permission). */}
            {v.items.length > 0 && <ExportButtons path="/api/v1/quarantine" query={asked} name="quarantine" label="перелік карантину" />}
          </div>
          {v.items.length === 0 && <p class="empty">Карантин порожній.</p>}
          <ul class="quarantine">{v.items.map((i) => <QuarantineItem key={i.id} item={i} onChanged={changed} />)}</ul>
          <Pager nextCursor={v.nextCursor} cursor={query.cursor} go={(cursor) => navigate('/quarantine', { ...query, cursor })} />
        </>
      )}</Shown>
    </Page>
  );
}

function QuarantineItem({ item, onChanged }: { item: Item; onChanged: (notice: { text: string; documentId?: string }) => void }): JSX.Element {
  const [payload, setPayload] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const violations = (item.details as { violations?: Array<{ path: string; messageUk?: string; message: string }> } | undefined)?.violations;
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const showPayload = () => run(async () => {
    const bytes = new Uint8Array(await (await raw(url('/api/v1/quarantine/{id}/payload', { id: item.id }))).arrayBuffer());
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.slice(0, SHOWN_BYTES));
    setPayload(bytes.length > SHOWN_BYTES ? `${text}\n… (показано перші 64 КБ з ${bytes.length} байтів)` : text);
  });
  const replay = () => run(async () => {
    const r = await post('/api/v1/quarantine/{id}/replay', { params: { id: item.id } });
    onChanged('documentId' in r
      ? { text: 'Зареєстровано після повторної обробки.', documentId: r.documentId }
      : { text: 'messageUk' in r ? `Знову відхилено: ${r.messageUk}` : 'Запис уже не чекає обробки.' });
  });
  const dismiss = () => run(async () => {
    await post('/api/v1/quarantine/{id}/dismiss', { params: { id: item.id }, body: { reason } });
    onChanged({ text: 'Відхилено остаточно.' });
  });
  return (
    <li class="q-item">
      <h2>{item.reasonUk}</h2>
      <dl class="pairs">
        <dt>Код</dt><dd><code>{item.code}</code></dd>
        <dt>Надійшло</dt><dd>{instantUk(item.receivedAt)}</dd>
        <dt>Канал, джерело</dt><dd>{item.channel}{item.source ? `, ${item.source}` : ''}</dd>
        {item.externalId && <><dt>Ідентифікатор відправника</dt><dd>{item.externalId}</dd></>}
        <dt>Спроб</dt><dd>{item.attempts ?? 1}</dd>
        <dt>Стан</dt><dd>{QUARANTINE_STATUS_UK[item.status] ?? item.status}{item.resolvedBy ? ` (${item.resolvedBy}, ${instantUk(item.resolvedAt)})` : ''}</dd>
        {item.dismissReason && <><dt>Причина відхилення</dt><dd>{item.dismissReason}</dd></>}
      </dl>
      {violations?.length ? (
        <ul class="violations" aria-label="Порушення">{violations.map((v) => <li><code>{v.path}</code>: {v.messageUk ?? v.message}</li>)}</ul>
      ) : null}
      <div class="actions no-print">
        <button type="button" onClick={showPayload}>Показати вміст</button>
        {item.status === 'open' && session.can('quarantine:manage') && (
          <>
            <button type="button" class="primary" onClick={replay}>Обробити повторно</button>
            <form class="inline" aria-label="Відхилити остаточно" onSubmit={(e) => { e.preventDefault(); void dismiss(); }}>
              <TextField label="Причина відхилення" name="reason" required value={reason} onInput={setReason} />
              <button type="submit" disabled={!reason.trim()}>Відхилити остаточно</button>
            </form>
          </>
        )}
      </div>
      <ErrorNote error={error} />
      {payload !== null && <pre class="payload" tabIndex={0} aria-label="Вміст, як надійшов">{payload}</pre>}
    </li>
  );
}
