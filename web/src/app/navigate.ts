/** The event that `navigate` dispatches, because `pushState` itself fires no event. */
export const navigationEvent = 'textback:navigate';

/** Changes the address bar without a page load and lets `usePathname` listeners re-render. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
  }
  window.dispatchEvent(new Event(navigationEvent));
}
