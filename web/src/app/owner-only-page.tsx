import { NavLink } from './nav-link.tsx';

export interface OwnerOnlyPageProps {
  title: string;
  /** A sentence naming the action reserved for owners. */
  message: string;
  homePath: string;
}

/** Tells staff who open an owner's page by its address that the page is not theirs to use. */
export function OwnerOnlyPage({ title, message, homePath }: OwnerOnlyPageProps) {
  return (
    <main className="owner-only" aria-labelledby="owner-only-title">
      <h1 id="owner-only-title">{title}</h1>
      <p className="owner-only-notice" role="status">
        {message}
      </p>
      <p>
        Ask an owner of your business if something here needs to change.{' '}
        <NavLink to={homePath}>Go to the inbox</NavLink>
      </p>
    </main>
  );
}
