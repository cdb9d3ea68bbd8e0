import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { LoginPage } from '../features/auth/login-page.tsx';
import { AccountPage } from '../features/account/account-page.tsx';
import type { Me } from '../features/auth/auth-api.ts';
import { SessionProvider, useSession } from '../features/auth/session-context.tsx';
import { FlowEditorPage } from '../features/flows/flow-editor-page.tsx';
import { InboxPage } from '../features/inbox/inbox-page.tsx';
import { SettingsPage } from '../features/settings/settings-page.tsx';
import { SimulatorPage } from '../features/simulator/simulator-page.tsx';
import { TeamPage } from '../features/team/team-page.tsx';
import { AppShell } from './app-shell.tsx';
import { navigate } from './navigate.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { OwnerOnlyPage } from './owner-only-page.tsx';
import { usePathname } from './use-pathname.ts';

const homePath = '/inbox';

/** Renders the page for the current pathname. The server returns this app for every page path. */
export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

function Routes() {
  const pathname = usePathname();
  const { state, reload } = useSession();

  if (state.kind === 'loading') {
    return <p className="page-loading">Loading…</p>;
  }
  if (state.kind === 'failed') {
    return (
      <div className="page-loading" role="alert">
        <p>{state.message}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (state.kind === 'anonymous') {
    return pathname === '/login' ? <LoginPage /> : <Redirect to="/login" />;
  }
  if (pathname === '/' || pathname === '/login') {
    return <Redirect to={homePath} />;
  }
  const page = pageFor(pathname, state.me);
  return <AppShell pathname={pathname}>{page ?? <NotFoundPage homePath={homePath} />}</AppShell>;
}

function pageFor(pathname: string, me: Me): ReactNode | null {
  const isOwner = me.user.role === 'owner';
  const inbox = /^\/inbox(?:\/([0-9a-f-]{36}))?$/.exec(pathname);
  if (inbox) {
    return <InboxPage selectedId={inbox[1] ?? null} />;
  }
  switch (pathname) {
    case '/settings':
      return <SettingsPage />;
    case '/team':
      return <TeamPage />;
    case '/account':
      return <AccountPage />;
    case '/flows':
      return isOwner ? (
        <FlowEditorPage />
      ) : (
        <OwnerOnlyPage title="Bot flows" message="Only owners can edit bot flows." homePath={homePath} />
      );
    case '/simulator':
      return isOwner ? (
        <SimulatorPage />
      ) : (
        <OwnerOnlyPage title="Phone simulator" message="Only owners can use the phone simulator." homePath={homePath} />
      );
    default:
      return null;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
