import { NAME_MAX_LENGTH } from '@samverka/model';
import { useState } from 'react';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert, TextField } from '../shell/forms.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button } from '../ui/index.ts';

/** The one-field form that names a new snapshot or renames one. */
export function SnapshotNameForm(props: {
  initial?: string;
  submitLabel: string;
  onSubmit(name: string): Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(props.initial ?? '');
  const { submit, busy, formError, shown } = useFormSubmit({ name: checkRequired(t, name) }, async () => {
    await props.onSubmit(name.trim());
    setName('');
  });
  return (
    <form onSubmit={submit} noValidate className="stack-form snapshot-name-form">
      <FormAlert error={formError} />
      <TextField
        label={t('snapshots.name')}
        name="name"
        value={name}
        onChange={setName}
        error={shown.name}
        maxLength={NAME_MAX_LENGTH}
        hint={props.initial === undefined ? t('snapshots.nameHint') : undefined}
      />
      <Button type="submit" busy={busy}>
        {props.submitLabel}
      </Button>
    </form>
  );
}
