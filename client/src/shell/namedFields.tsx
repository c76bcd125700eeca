import {
  EMAIL_MAX_LENGTH,
  LIFECYCLE_PHASES,
  type LifecyclePhase,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@samverka/model';
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
  return (
    <TextField
      label={t('form.email')}
      name="email"
      type="email"
      autoComplete="email"
      maxLength={EMAIL_MAX_LENGTH}
      {...props}
    />
  );
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
      maxLength={PASSWORD_MAX_LENGTH}
      {...rest}
    />
  );
}

/** One of a partnership's names (its own, the university's, the partner's), with the server's length limit. */
export function OrganisationNameField(props: ValueProps<string> & { name: 'name' | 'universityName' | 'partnerName' }) {
  const { t } = useI18n();
  return <TextField type="text" label={t(`partnership.${props.name}`)} maxLength={NAME_MAX_LENGTH} {...props} />;
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
