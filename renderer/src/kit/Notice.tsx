import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

export interface NoticeProps {
  tone: NoticeTone;
  /** The first, bold line. */
  title?: string | undefined;
  children?: ReactNode;
  /** Buttons under the text. */
  actions?: ReactNode;
  id?: string | undefined;
  className?: string | undefined;
  /** False for a notice that is part of the screen from the start (a placeholder, an offer): not a live message. */
  announce?: boolean | undefined;
}

/**
 * An inline message in the flow of a screen. An error interrupts (role alert); the other tones
 * are announced politely (role status).
 */
export function Notice({ tone, title, children, actions, id, className, announce = true }: NoticeProps) {
  const role = !announce ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div id={id} className={['kit-notice', `kit-notice-${tone}`, className].filter(Boolean).join(' ')} role={role}>
      {title && <p className="kit-notice-title">{title}</p>}
      {children}
      {actions && <div className="kit-button-row">{actions}</div>}
    </div>
  );
}
