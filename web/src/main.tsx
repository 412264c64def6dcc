import { render, type JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { href, useRoute, type Route } from './router';
import { session } from './session';
import { SignIn } from './sign-in';
import { Appeals } from './pages/appeals';
import { AuditLog } from './pages/audit';
import { ControlList } from './pages/control';
import { Discipline, DisciplineCards } from './pages/discipline';
import { DocumentCard } from './pages/document';
import { Documents } from './pages/documents';
import { Quarantine } from './pages/quarantine';
import { Today } from './pages/today';
import './styles.css';

interface NavItem {
  path: string;
  label: string;
  permission: string;
}

const NAV: NavItem[] = [
  { path: '/', label: 'Сьогодні', permission: 'control:read' },
  { path: '/documents', label: 'Документи', permission: 'documents:read' },
  { path: '/control', label: 'Контроль', permission: 'control:read' },
  { path: '/appeals', label: 'Звернення', permission: 'appeals:read' },
  { path: '/discipline', label: 'Виконавська дисципліна', permission: 'reports:read' },
  { path: '/quarantine', label: 'Карантин', permission: 'quarantine:read' },
  { path: '/audit', label: 'Журнал контролю', permission: 'audit:read' },
];

function page(route: Route): JSX.Element {
  const doc = /^\/documents\/([0-9a-f-]{36})$/.exec(route.path);
  if (doc) return <DocumentCard id={doc[1]!} />;
  switch (route.path) {
    case '/documents': return <Documents query={route.query} />;
    case '/control': return <ControlList query={route.query} />;
    case '/appeals': return <Appeals query={route.query} />;
    case '/discipline': return <Discipline query={route.query} />;
    case '/discipline/cards': return <DisciplineCards query={route.query} />;
    case '/quarantine': return <Quarantine query={route.query} />;
    case '/audit': return <AuditLog query={route.query} />;
    default: return <Today />;
  }
}

function useSession(): ReturnType<typeof session.me> {
  const [, setTick] = useState(0);
  useEffect(() => session.subscribe(() => setTick((t) => t + 1)), []);
  return session.me();
}

function App(): JSX.Element {
  const me = useSession();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // After a move to another page (not on the first load), the keyboard starts at its content (WCAG 2.4.3).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: false });
  }, [route.path]);
  const section = '/' + (route.path.split('/')[1] ?? '');
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Перейти до змісту</a>
      <header class="top no-print">
        <a class="brand" href="#/">Діловод <span>загальний відділ</span></a>
        {me && (
          <nav aria-label="Розділи">
            <ul>
              {NAV.filter((n) => session.can(n.permission)).map((n) => (
                <li><a href={href(n.path)} aria-current={section === n.path ? 'page' : undefined}>{n.label}</a></li>
              ))}
            </ul>
          </nav>
        )}
        {me && (
          <div class="who">
            <span>{me.displayName}</span>
            <button type="button" onClick={() => session.signOut()}>Вийти</button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {me ? page(route) : <SignIn />}
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
