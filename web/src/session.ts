/**
 * Who is signed in: the bearer token and who the hub takes it for (GET /api/v1/me). Kept in this
 * module's memory only — never in localStorage, sessionStorage or a cookie — so closing or
 * reloading the tab signs out, and no token or personal data stays in the browser (issue 15).
 */
import type { components } from './api/schema';

type MeShape = components['schemas']['Caller'];

type Listener = () => void;
let token: string | null = null;
let me: MeShape | null = null;
let expiredNotice = false;
const listeners = new Set<Listener>();
const changed = () => listeners.forEach((l) => l());

export const session = {
  token: () => token,
  me: () => me,
  wasExpired: () => expiredNotice,
  can: (permission: string) => !!me?.permissions.includes(permission),
  signIn(newToken: string, who: MeShape): void {
    token = newToken;
    me = who;
    expiredNotice = false;
    changed();
  },
  signOut(): void {
    token = null;
    me = null;
    changed();
  },
  /** The hub answered 401: the token was revoked or has expired. */
  expired(): void {
    if (!token) return;
    expiredNotice = true;
    session.signOut();
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
