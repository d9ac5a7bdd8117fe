import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

export interface DialogProps {
  open: boolean;
  /** Esc, the close button of the screen, or anything else that ends the dialog calls this; the caller sets `open` false. */
  onClose(): void;
  title: string;
  /** The id of text that explains the dialog, read after its title. */
  describedBy?: string | undefined;
  wide?: boolean | undefined;
  className?: string | undefined;
  /** The title takes focus on opening unless this element is given (e.g. the first field). */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  titleRef?: RefObject<HTMLHeadingElement | null> | undefined;
  /** Next to the title, e.g. a quiet close button. */
  headerActions?: ReactNode;
  children: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest('[hidden]'));
}

/**
 * A modal dialog labelled by its title. Tab and Shift+Tab stay inside it, Esc closes it, and on
 * closing focus goes back to whatever had it when the dialog opened.
 */
export function Dialog({
  open,
  onClose,
  title,
  describedBy,
  wide,
  className,
  initialFocus,
  titleRef,
  headerActions,
  children,
}: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ownTitle = useRef<HTMLHeadingElement>(null);
  const heading = titleRef ?? ownTitle;
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // showModal makes the rest of the page inert where the browser has it; the attribute alone elsewhere.
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      (initialFocus?.current ?? heading.current)?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      opener.current?.focus();
      opener.current = null;
    }
  }, [open, initialFocus, heading]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const inside = focusables(dialog.current);
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active) || active === heading.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const classes = ['kit-dialog', wide ? 'kit-dialog-wide' : null, className].filter(Boolean).join(' ');
  return (
    <dialog
      ref={dialog}
      className={classes}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-modal="true"
      onKeyDown={onKeyDown}
      // The browser's own Esc handling would close it behind React's back: the caller decides.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="kit-dialog-body">
          <div className="kit-dialog-head">
            <h2 id={titleId} ref={heading} className="kit-dialog-title" tabIndex={-1}>
              {title}
            </h2>
            {headerActions}
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
