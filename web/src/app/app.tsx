import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { SimulatorPage } from '../features/simulator/simulator-page.tsx';
import { navigate } from './navigate.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { usePathname } from './use-pathname.ts';

const homePath = '/simulator';

const pages: Record<string, () => ReactNode> = {
  '/simulator': () => <SimulatorPage />,
};

/** Renders the page for the current pathname. The server returns this app for every page path. */
export function App() {
  const pathname = usePathname();

  if (pathname === '/') {
    return <Redirect to={homePath} />;
  }
  const renderPage = pages[pathname];
  if (!renderPage) {
    return <NotFoundPage homePath={homePath} />;
  }
  return renderPage();
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}
