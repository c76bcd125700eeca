import { LIFECYCLE_PHASES, type LifecyclePhase, PASSWORD_MIN_LENGTH } from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { SelectField, TextField } from './forms.tsx';

interface ValueProps<V> {
  value: V;
  onChange(value: V): void;
  error?: string | undefined;
}

/** The email field of log-in, sign-up and invitations. */
export function EmailField(props: ValueProps<string>) {
  const { t } = useI18n();
  return <TextField label={t('form.email')} name="email" type="email" autoComplete="email" {...props} />;
}

/** A password field; a new password gets the length hint and the browser's "new password" autofill. */
export function PasswordField(props: ValueProps<string> & { purpose: 'current' | 'new'; label?: string }) {
  const { t } = useI18n();
  const { purpose, label, ...rest } = props;
  return (
    <TextField
      label={label ?? t('form.password')}
      name={purpose === 'new' ? 'newPassword' : 'password'}
      type="password"
      autoComplete={purpose === 'new' ? 'new-password' : 'current-password'}
      hint={purpose === 'new' ? t('form.passwordHint', { min: PASSWORD_MIN_LENGTH }) : undefined}
      {...rest}
    />
  );
}

/** The lifecycle phase of a partnership. */
export function PhaseField(props: ValueProps<LifecyclePhase>) {
  const { t } = useI18n();
  return (
    <SelectField<LifecyclePhase>
      label={t('partnership.phase')}
      name="phase"
      options={LIFECYCLE_PHASES}
      optionLabel={(p) => t(`phase.${p}`)}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
