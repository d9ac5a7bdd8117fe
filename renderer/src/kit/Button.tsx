import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Native = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'type'>;

interface Look {
  /** `large` for the one main action of a screen (Register, Next intake). */
  size?: 'normal' | 'large' | undefined;
  type?: 'button' | 'submit' | undefined;
  children: ReactNode;
}

/** `quiet` is a link-like action beside the main ones (close, back to search). */
export type PlainButtonProps = Native & Look & { variant?: 'primary' | 'secondary' | 'quiet' | undefined };

/** The words of a danger button's second step: what will be lost, and the two ways out. */
export interface Confirmation {
  question: string;
  yes: string;
  no: string;
}

export type DangerButtonProps = Native &
  Look & {
    variant: 'danger';
    confirm: Confirmation;
    /** Runs only after the confirmation's "yes". */
    onClick(): void;
  };

export type ButtonProps = PlainButtonProps | DangerButtonProps;

export function buttonClass(
  variant: 'primary' | 'secondary' | 'quiet' | 'danger' = 'secondary',
  size: 'normal' | 'large' = 'normal',
): string {
  return ['kit-button', `kit-button-${variant}`, size === 'large' ? 'kit-button-large' : null].filter(Boolean).join(' ');
}

const PlainButton = forwardRef<HTMLButtonElement, PlainButtonProps>(function PlainButton({ variant, size, type = 'button', ...rest }, ref) {
  return <button ref={ref} type={type} className={buttonClass(variant, size)} {...rest} />;
});

/**
 * A button that destroys something asks first: the first press shows the question with "yes" and
 * "no" in its place, focus on "yes"; "no" puts the button back, focus on it.
 */
function DangerButton({ confirm, onClick, size, children, type: _type, variant: _variant, ...rest }: DangerButtonProps) {
  const [asking, setAsking] = useState(false);
  const [focus, setFocus] = useState<'yes' | 'button' | null>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focus === 'yes') yes.current?.focus();
    if (focus === 'button') button.current?.focus();
  }, [focus, asking]);

  if (!asking) {
    return (
      <button
        ref={button}
        type="button"
        className={buttonClass('danger', size)}
        {...rest}
        onClick={() => {
          setAsking(true);
          setFocus('yes');
        }}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="kit-confirm" role="group" aria-label={confirm.question}>
      <span className="kit-confirm-question">{confirm.question}</span>
      <button
        ref={yes}
        type="button"
        className={buttonClass('danger')}
        disabled={rest.disabled}
        onClick={() => {
          setAsking(false);
          setFocus(null);
          onClick();
        }}
      >
        {confirm.yes}
      </button>
      <button
        type="button"
        className={buttonClass('secondary')}
        onClick={() => {
          setAsking(false);
          setFocus('button');
        }}
      >
        {confirm.no}
      </button>
    </span>
  );
}

/** The one button of the renderer: primary (the screen's main action), secondary, quiet, or danger (confirmed). */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(props, ref) {
  if (props.variant === 'danger') return <DangerButton {...props} />;
  return <PlainButton ref={ref} {...props} />;
});
