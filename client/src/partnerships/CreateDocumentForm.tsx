import {
  CANVAS_TEMPLATES,
  CREATABLE_DOCUMENT_KINDS,
  DOCUMENT_TITLE_MAX_LENGTH,
  type DocumentResponse,
  TEXT_TEMPLATES,
} from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useNavigate } from '../router/router.tsx';
import { FormAlert, SelectField, TextField } from '../shell/forms.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button } from '../ui/index.ts';

type Kind = (typeof CREATABLE_DOCUMENT_KINDS)[number];
type TemplateChoice = 'blank' | (typeof TEXT_TEMPLATES)[number] | (typeof CANVAS_TEMPLATES)[number];
const TEMPLATE_CHOICES: Record<Kind, readonly TemplateChoice[]> = {
  text: ['blank', ...TEXT_TEMPLATES],
  canvas: ['blank', ...CANVAS_TEMPLATES],
};

/** The form (shown in a dialog) that adds a canvas or a text document (optionally from a template, seeded by the server) and opens it. */
export function CreateDocumentForm({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('text');
  const [template, setTemplate] = useState<TemplateChoice>('blank');
  const { submit, busy, formError, shown } = useFormSubmit({ title: checkRequired(t, title) }, async () => {
    const body = { kind, title, ...(template !== 'blank' ? { template } : {}) };
    const { document } = await api.post<DocumentResponse>(`/api/partnerships/${partnershipId}/documents`, body);
    navigate(`/p/${partnershipId}/${document.kind === 'canvas' ? 'canvas' : 'docs'}/${document.id}`);
  });

  return (
    <form onSubmit={submit} noValidate className="stack-form">
      <FormAlert error={formError} />
      <TextField
        label={t('documents.title')}
        name="title"
        value={title}
        onChange={setTitle}
        error={shown.title}
        maxLength={DOCUMENT_TITLE_MAX_LENGTH}
      />
      <SelectField<Kind>
        label={t('documents.kind')}
        name="kind"
        value={kind}
        options={CREATABLE_DOCUMENT_KINDS}
        optionLabel={(k) => t(`kind.${k}`)}
        onChange={(next) => {
          setKind(next);
          setTemplate('blank');
        }}
      />
      <SelectField<TemplateChoice>
        label={t('documents.template')}
        name="template"
        value={template}
        options={TEMPLATE_CHOICES[kind]}
        optionLabel={(choice) => t(`template.${choice}`)}
        onChange={setTemplate}
      />
      <div className="ui-dialog-actions">
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('documents.create')}
        </Button>
      </div>
    </form>
  );
}
