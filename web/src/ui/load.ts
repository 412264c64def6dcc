/** Loading what a page shows: the value, or the hub's refusal in Ukrainian, or still waiting. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiError };

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'NETWORK', 'Хаб не відповідає. Перевірте з’єднання й спробуйте ще раз.');
}

/** Runs `load` whenever `key` changes; `reload` runs it again (after an action). */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const [shownKey, setShownKey] = useState(key);
  useEffect(() => {
    let live = true;
    // A new question shows «loading»; the same one asked again (after an action) keeps what is shown.
    if (shownKey !== key) {
      setShownKey(key);
      setState({ state: 'loading' });
    }
    load().then(
      (value) => live && setState({ state: 'ready', value }),
      (err) => live && setState({ state: 'failed', error: asApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
