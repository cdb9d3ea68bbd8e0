import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useSession, useMe } from '../features/auth/session-context.tsx';
import { closeRealtime } from '../lib/realtime.ts';
import { NavLink } from './nav-link.tsx';
import { CloseIcon, FlowIcon, GearIcon, InboxIcon, MenuIcon, PhoneIcon, TeamIcon } from './nav-icons.tsx';
import { navigate } from './navigate.ts';
import './app-shell.css';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  isShown: boolean;
}

/**
 * The frame around every page for logged-in users: the main menu and the page itself. The menu
 * is a side bar on wide screens, a top bar below 1100 px and a drop-down behind a menu button
 * on phones (see app-shell.css).
 */
export function AppShell({ pathname, children }: { pathname: string; children: ReactNode }) {
  const me = useMe();
  const { logOut } = useSession();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const isOwner = me.user.role === 'owner';
  const items: NavItem[] = [
    { path: '/inbox', label: 'Inbox', icon: <InboxIcon />, isShown: true },
    { path: '/settings', label: 'Settings', icon: <GearIcon />, isShown: true },
    { path: '/flows', label: 'Bot flows', icon: <FlowIcon />, isShown: isOwner },
    { path: '/team', label: 'Team', icon: <TeamIcon />, isShown: true },
    { path: '/simulator', label: 'Phone simulator', icon: <PhoneIcon />, isShown: isOwner && me.hasSimulator },
  ];

  useEffect(() => setIsMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!isMenuOpen) {
      return;
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIsMenuOpen(false);
      }
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [isMenuOpen]);

  const isAccountCurrent = pathname === '/account';

  const handleLogOut = async () => {
    closeRealtime();
    await logOut();
    navigate('/login', { replace: true });
  };

  return (
    <div className={isMenuOpen ? 'shell shell-menu-open' : 'shell'}>
      <nav className="shell-nav" aria-label="Main">
        <div className="shell-brand">
          <span className="shell-logo" aria-hidden="true">
            tb
          </span>
          <div className="shell-brand-text">
            <div className="shell-product">textback</div>
            <div className="shell-business">{me.business.name}</div>
          </div>
        </div>
        <button
          type="button"
          className="shell-menu-button"
          aria-expanded={isMenuOpen}
          aria-controls="shell-menu"
          onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
        >
          {isMenuOpen ? <CloseIcon /> : <MenuIcon />}
          Menu
        </button>
        <div className="shell-menu" id="shell-menu">
          <ul>
            {items
              .filter((item) => item.isShown)
              .map((item) => {
                const isCurrent = pathname === item.path || pathname.startsWith(`${item.path}/`);
                return (
                  <li key={item.path}>
                    <NavLink
                      to={item.path}
                      className={isCurrent ? 'shell-link shell-link-current' : 'shell-link'}
                      aria-current={isCurrent ? 'page' : undefined}
                    >
                      {item.icon}
                      <span className="shell-link-label">{item.label}</span>
                    </NavLink>
                  </li>
                );
              })}
          </ul>
          <div className="shell-user">
            <NavLink
              to="/account"
              className={isAccountCurrent ? 'shell-account shell-account-current' : 'shell-account'}
              aria-current={isAccountCurrent ? 'page' : undefined}
              title="Your account and password"
            >
              <span className="shell-avatar" aria-hidden="true">
                {me.user.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="shell-user-text">
                <span className="shell-user-name">{me.user.name}</span>
                <span className="shell-user-role">{isOwner ? 'Owner' : 'Staff'} · Your account</span>
              </span>
            </NavLink>
            <button type="button" className="shell-logout" onClick={() => void handleLogOut()}>
              Log out
            </button>
          </div>
        </div>
      </nav>
      <div className="shell-page">{children}</div>
    </div>
  );
}
