/**
 * Signing in: through the council's identity provider (authorization code with PKCE, oidc.ts) when
 * the hub names one, and for a first start a personal API token (`dilovod token create --staff ID
 * …`) pasted once. Either way the hub is asked who the token belongs to; it is kept in memory only.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Schemas } from './api/client';
import { beginSignIn, completeSignIn, oidcSettings } from './oidc';
import { session } from './session';
import { ErrorNote, Page, TextField } from './ui/parts';

async function signInWith(token: string): Promise<void> {
  const res = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, cache: 'no-store' });
  const body = await res.json() as Schemas['Caller'] & { messageUk?: string; code?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? String(res.status), body.messageUk ?? 'Не вдалося увійти');
  session.signIn(token, body);
}

const failed = (err: unknown): ApiError => (err instanceof ApiError ? err : new ApiError(0, 'SIGN_IN_FAILED', 'Не вдалося увійти через обліковий запис ради. Спробуйте ще раз або зверніться до адміністратора.'));

export function SignIn(): JSX.Element {
  const provider = oidcSettings();
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(!!provider && /[?&](code|error)=/.test(location.search));
  useEffect(() => {
    if (!provider || !returning) return;
    completeSignIn(provider)
      .then((t) => (t ? signInWith(t) : undefined))
      .catch((err) => setError(failed(err)))
      .finally(() => setReturning(false));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWith(token.trim());
      setToken('');
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', 'Хаб не відповідає.'));
    } finally {
      setBusy(false);
    }
  };
  if (returning) return <Page title="Вхід"><p role="status">Завершуємо вхід…</p></Page>;
  const tokenForm = (
    <form class="sign-in" onSubmit={submit} aria-label="Вхід за токеном">
      <p>Введіть свій персональний токен доступу. Його видає адміністратор (<code>dilovod token create --staff …</code>).
        Токен зберігається лише в пам’яті цієї вкладки: після її закриття чи оновлення потрібно увійти знову.</p>
      <TextField label="Токен доступу" name="token" type="password" value={token} onInput={setToken} required />
      <button type="submit" class="primary" disabled={busy || !token.trim()}>Увійти</button>
    </form>
  );
  return (
    <Page title="Вхід">
      {session.wasExpired() && <p class="note" role="status">Сеанс завершено: токен більше не дійсний. Увійдіть знову.</p>}
      {provider ? (
        <>
          <p>Увійдіть своїм обліковим записом ради: після входу ви повернетеся сюди.</p>
          <button type="button" class="primary" disabled={busy}
            onClick={() => { setBusy(true); beginSignIn(provider).catch((err) => { setBusy(false); setError(failed(err)); }); }}>
            Увійти через обліковий запис ради
          </button>
          <details class="token-sign-in">
            <summary>Вхід за токеном (перший запуск)</summary>
            {tokenForm}
          </details>
        </>
      ) : tokenForm}
      <ErrorNote error={error} />
    </Page>
  );
}
