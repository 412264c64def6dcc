/** Attachments: a PDF is shown in the page (fetched with the token, shown from a blob: URL); others are downloaded. */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, download, raw, url, type Schemas } from '../api/client';
import { asApiError } from '../ui/load';
import { ErrorNote } from '../ui/parts';

type Attachment = Schemas['DocumentCard']['attachments'][number];

const sizeUk = (n: number): string => (n < 1024 ? `${n} Б` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} КБ` : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`);

function PdfView({ target, name }: { target: string; name: string }): JSX.Element {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let made: string | null = null;
    raw(target).then(async (res) => {
      made = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/pdf' }));
      setSrc(made);
    }, (err) => setError(asApiError(err)));
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [target]);
  if (error) return <ErrorNote error={error} />;
  return src ? <iframe class="pdf" src={src} title={`Перегляд: ${name}`} /> : <p role="status">Завантаження…</p>;
}

export function Attachments({ documentId, attachments }: { documentId: string; attachments: Attachment[] }): JSX.Element {
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const target = (i: number) => url('/api/v1/documents/{id}/attachments/{ordinal}', { id: documentId, ordinal: String(i + 1) });
  return (
    <section aria-labelledby="att">
      <h2 id="att">Вкладення</h2>
      {attachments.length === 0 && <p class="empty">Вкладень немає.</p>}
      <ul class="attachments">
        {attachments.map((a, i) => (
          <li>
            <span>{a.name} ({sizeUk(a.size)})</span>{' '}
            {a.mediaType === 'application/pdf' && (
              <button type="button" aria-expanded={shown === i} onClick={() => setShown(shown === i ? null : i)}>{shown === i ? 'Сховати' : 'Переглянути'}</button>
            )}{' '}
            <button type="button" onClick={() => download(target(i), a.name).catch((e) => setError(asApiError(e)))}>Завантажити</button>
            {shown === i && <PdfView target={target(i)} name={a.name} />}
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
