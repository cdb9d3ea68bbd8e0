import type { ReactNode } from 'react';

export interface SectionProps {
  title: string;
  description: ReactNode;
  children: ReactNode;
}

/** One block of the settings page: a title and short explanation beside its fields. */
export function Section({ title, description, children }: SectionProps) {
  return (
    <section className="settings-section" aria-label={title}>
      <div className="settings-section-intro">
        <h2>{title}</h2>
        <p>{description}</p>
      </div>
      <div className="settings-section-body">{children}</div>
    </section>
  );
}
