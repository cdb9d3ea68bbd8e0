import type { ReactNode } from 'react';
import { useSession, useMe } from '../features/auth/session-context.tsx';
import { closeRealtime } from '../lib/realtime.ts';
import { NavLink } from './nav-link.tsx';
import { navigate } from './navigate.ts';
import './app-shell.css';

interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  isShown: boolean;
}

/** The frame around every page for logged-in users: the side menu and the page itself. */
export function AppShell({ pathname, children }: { pathname: string; children: ReactNode }) {
  const me = useMe();
  const { logOut } = useSession();
  const isOwner = me.user.role === 'owner';
  const items: NavItem[] = [
    { path: '/inbox', label: 'Inbox', icon: <InboxIcon />, isShown: true },
    { path: '/settings', label: 'Settings', icon: <GearIcon />, isShown: true },
    { path: '/flows', label: 'Bot flows', icon: <FlowIcon />, isShown: isOwner },
    { path: '/team', label: 'Team', icon: <TeamIcon />, isShown: true },
    { path: '/simulator', label: 'Phone simulator', icon: <PhoneIcon />, isShown: isOwner && me.hasSimulator },
  ];

  const handleLogOut = async () => {
    closeRealtime();
    await logOut();
    navigate('/login', { replace: true });
  };

  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <div className="shell-brand">
          <span className="shell-logo" aria-hidden="true">
            tb
          </span>
          <div>
            <div className="shell-product">textback</div>
            <div className="shell-business">{me.business.name}</div>
          </div>
        </div>
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
                    {item.label}
                  </NavLink>
                </li>
              );
            })}
        </ul>
        <div className="shell-user">
          <span className="shell-avatar" aria-hidden="true">
            {me.user.name.slice(0, 1).toUpperCase()}
          </span>
          <div className="shell-user-text">
            <div className="shell-user-name">{me.user.name}</div>
            <div className="shell-user-role">{isOwner ? 'Owner' : 'Staff'}</div>
          </div>
          <button type="button" className="shell-logout" onClick={() => void handleLogOut()}>
            Log out
          </button>
        </div>
      </nav>
      <div className="shell-page">{children}</div>
    </div>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <svg className="shell-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function InboxIcon() {
  return <Icon path="M4 5h16v14H4zM4 13h4l2 3h4l2-3h4" />;
}

function GearIcon() {
  return <Icon path="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.2-1.2.3-2-3-1-1 2h-1.8l-1-2-3 1 .3 2L6 7.3 4 7 3 10l2 1v2l-2 1 1 3 2-.3 1.2 1.2-.3 2 3 1 1-2h1.8l1 2 3-1-.3-2 1.2-1.2 2 .3 1-3-2-1z" />;
}

function FlowIcon() {
  return <Icon path="M5 4h6v5H5zM13 15h6v5h-6zM8 9v4h8v2" />;
}

function TeamIcon() {
  return <Icon path="M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 15c2 .5 3 2.5 3 5" />;
}

function PhoneIcon() {
  return <Icon path="M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2" />;
}
