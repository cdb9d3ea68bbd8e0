import { useSyncExternalStore } from 'react';
import { navigationEvent } from './navigate.ts';

/** Returns the current pathname without a trailing slash, re-rendering on every navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, readPathname);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function readPathname(): string {
  const pathname = window.location.pathname;
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}
