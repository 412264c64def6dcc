/** Hash routes (#/control?overdue=true): the hub serves one static page, and the token stays in memory across pages. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string;
  query: Record<string, string>;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?', 2) as [string, string | undefined];
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(qs ?? '')) };
}

/** A link target: href('/control', { overdue: 'true' }) → #/control?overdue=true. */
export function href(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path: string, query: Record<string, string | number | undefined | null> = {}): void {
  location.hash = href(path, query);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const on = () => setRoute(currentRoute());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
