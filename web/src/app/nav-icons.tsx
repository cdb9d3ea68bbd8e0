function Icon({ path }: { path: string }) {
  return (
    <svg className="shell-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function InboxIcon() {
  return <Icon path="M4 5h16v14H4zM4 13h4l2 3h4l2-3h4" />;
}

export function GearIcon() {
  return <Icon path="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.2-1.2.3-2-3-1-1 2h-1.8l-1-2-3 1 .3 2L6 7.3 4 7 3 10l2 1v2l-2 1 1 3 2-.3 1.2 1.2-.3 2 3 1 1-2h1.8l1 2 3-1-.3-2 1.2-1.2 2 .3 1-3-2-1z" />;
}

export function FlowIcon() {
  return <Icon path="M5 4h6v5H5zM13 15h6v5h-6zM8 9v4h8v2" />;
}

export function TeamIcon() {
  return <Icon path="M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 15c2 .5 3 2.5 3 5" />;
}

export function PhoneIcon() {
  return <Icon path="M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2" />;
}

export function MenuIcon() {
  return <Icon path="M4 7h16M4 12h16M4 17h16" />;
}

export function CloseIcon() {
  return <Icon path="M6 6l12 12M18 6L6 18" />;
}
