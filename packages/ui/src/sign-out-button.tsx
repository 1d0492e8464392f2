import { buttonClass, type ButtonSize, type ButtonVariant } from './button';

/** A form posting to the app's sign-out server action, so it works before JavaScript loads. */
export function SignOutButton({
  action,
  label,
  variant = 'secondary',
  size = 'md',
  className,
}: {
  action: () => Promise<void>;
  label: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  return (
    <form action={action} className={className}>
      <button type="submit" className={buttonClass(variant, size)}>
        {label}
      </button>
    </form>
  );
}
