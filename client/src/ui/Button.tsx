import { type ButtonHTMLAttributes, forwardRef, type ReactNode } from 'react';
import { Link, type LinkProps } from '../router/router.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  /** Shows the busy label and disables the button while an action runs. */
  busy?: boolean;
  busyLabel?: ReactNode;
}

/** The one button: primary by default; `danger` for destructive actions. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'primary', size = 'md', busy, busyLabel, className, children, disabled, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
});

/** A router link that looks like a button (for navigation, not actions). */
export function ButtonLink({
  variant = 'primary',
  size = 'md',
  className,
  ...rest
}: LinkProps & { variant?: ButtonVariant; size?: 'md' | 'sm' }) {
  return <Link className={buttonClass(variant, size, className)} {...rest} />;
}

/** The class list shared by buttons and button-looking links. */
export function buttonClass(variant: ButtonVariant, size: 'md' | 'sm', extra?: string): string {
  return ['ui-button', `ui-button--${variant}`, size === 'sm' && 'ui-button--sm', extra].filter(Boolean).join(' ');
}
