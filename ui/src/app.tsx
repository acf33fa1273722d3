// The app shell: the login until a session exists, then the navigation and the page the URL's
// hash names (#/search, #/data, ...).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson, postJson, type Session, setSession } from './api.ts';
import { AttackPage } from './pages/attack-page.tsx';
import { DataPage } from './pages/data-page.tsx';
import { DetectionsPage } from './pages/detections-page.tsx';
import { IncidentsPage } from './pages/incidents-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { SearchPage } from './pages/search/search-page.tsx';

interface PageEntry {
  readonly path: string;
  readonly title: string;
  readonly render: (route: Route) => preact.JSX.Element;
}

export interface Route {
  readonly path: string;
  readonly params: URLSearchParams;
}

const PAGES: readonly PageEntry[] = [
  { path: 'search', title: 'Search', render: (r) => <SearchPage params={r.params} /> },
  { path: 'detections', title: 'Detections', render: (r) => <DetectionsPage params={r.params} /> },
  { path: 'incidents', title: 'Incidents', render: (r) => <IncidentsPage params={r.params} /> },
  { path: 'attack', title: 'ATT&CK', render: () => <AttackPage /> },
  { path: 'data', title: 'Data', render: () => <DataPage /> },
];

function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const q = hash.indexOf('?');
  const path = (q < 0 ? hash : hash.slice(0, q)) || 'search';
  return { path, params: new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)) };
}

export function App() {
  const [session, setCurrent] = useState<Session | null | undefined>(undefined);
  const [route, setRoute] = useState(currentRoute());

  const loggedOut = () => setCurrent(null);
  const start = (s: Session) => {
    setSession(s.csrf, loggedOut);
    setCurrent(s);
  };

  useEffect(() => {
    getJson<Session>('/api/ui/session')
      .then(start)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setCurrent(null);
        else setCurrent(null);
      });
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (session === undefined) return <div class="loading">Loading…</div>;
  if (session === null) return <LoginPage onLogin={start} />;
  const page = PAGES.find((p) => p.path === route.path) ?? PAGES[0];
  const logout = () => {
    postJson('/api/ui/logout', {}).finally(loggedOut);
  };
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">spelunk</span>
        <nav>
          {PAGES.map((p) => (
            <a key={p.path} href={`#/${p.path}`} class={p === page ? 'active' : ''}>
              {p.title}
            </a>
          ))}
        </nav>
        <span class="user">
          {session.user}{' '}
          <button type="button" class="link" onClick={logout}>
            Log out
          </button>
        </span>
      </header>
      <main>{page?.render(route)}</main>
    </div>
  );
}
