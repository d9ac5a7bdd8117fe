import { useId } from 'react';
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
 * are announced politely (role status). One that is part of the screen from the start and has a
 * title is a region named by it, so a screen reader can go straight to it (the draft offer).
 */
export function Notice({ tone, title, children, actions, id, className, announce = true }: NoticeProps) {
  const titleId = useId();
  const role = announce ? (tone === 'error' ? 'alert' : 'status') : title ? 'region' : undefined;
  return (
    <div
      id={id}
      className={['kit-notice', `kit-notice-${tone}`, className].filter(Boolean).join(' ')}
      role={role}
      aria-labelledby={role === 'region' ? titleId : undefined}
    >
      {title && (
        <p id={titleId} className="kit-notice-title">
          {title}
        </p>
      )}
      {children}
      {actions && <div className="kit-button-row">{actions}</div>}
    </div>
  );
}
