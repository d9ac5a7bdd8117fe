import type { ReactNode } from 'react';
import { DeskFrame } from '../../app/DeskFrame';

/** A signed-out desk's one titled card (sign-in, a forced password change); the title is the page's heading. */
export function AuthPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <DeskFrame>
      <section className="auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title" className="auth-title">
          {title}
        </h1>
        <p className="kit-field-hint">{intro}</p>
        {children}
      </section>
    </DeskFrame>
  );
}
