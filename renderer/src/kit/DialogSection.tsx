import type { ReactNode } from 'react';

/** One titled part of a dialog (the settings' «Бек-офіс», «Журнал дій», «Календар»): a region named by its heading. */
export function DialogSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="kit-dialog-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="kit-dialog-subtitle">
        {title}
      </h3>
      {children}
    </section>
  );
}
