import { navigate } from './navigate.ts';

export interface NotFoundPageProps {
  homePath: string;
}

export function NotFoundPage({ homePath }: NotFoundPageProps) {
  return (
    <main className="not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{window.location.pathname}</code>.{' '}
        <a
          href={homePath}
          onClick={(event) => {
            event.preventDefault();
            navigate(homePath);
          }}
        >
          Go to the inbox
        </a>
        .
      </p>
    </main>
  );
}
