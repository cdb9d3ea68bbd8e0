import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './navigate.ts';

export interface NavLinkProps {
  to: string;
  className?: string;
  title?: string;
  children: ReactNode;
  'aria-current'?: 'page' | undefined;
}

/** A link that changes page without a reload, but still opens in a new tab on ctrl/cmd-click. */
export function NavLink({ to, className, children, ...rest }: NavLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
