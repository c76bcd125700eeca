import {
  entryText,
  type PartnershipLanguage,
  replaceText,
  SERIOUSNESS_LEVELS,
  SPETS_ANSWER_CHOICES,
} from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { Button, EmptyState } from '../ui/index.ts';
import { CollaborativeText } from './CollaborativeText.tsx';
import { EditorsOf } from './EditorsOf.tsx';
import { SelectField } from './fieldControls.tsx';
import { useFieldPresence } from './fieldPresence.ts';
import type { PanelProps } from './RegisterPage.tsx';

/** The SPETS suitability checklist: question, answer, description, seriousness if the answer is no, action. */
export function ChecklistPanel({ session, view, readOnly }: PanelProps) {
  const { t } = useI18n();
  const { partnership } = usePartnership();
  const editors = useFieldPresence(session);
  const choices = SPETS_ANSWER_CHOICES[partnership.language as PartnershipLanguage];
  const label = (field: string) => t(`field.${field}` as 'field.title');
  let section = '';
  return (
    <section aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('register.checklist')}</h2>
      <p className="muted">{t('checklist.intro')}</p>
      {view.checklist.length === 0 && <EmptyState title={t('checklist.none')} />}
      {view.checklist.map((item) => {
        const heading = item.section !== section ? item.section : undefined;
        section = item.section;
        const common = { session, kind: 'checklist' as const, entryId: item.id, readOnly };
        return (
          <div key={item.id}>
            {heading && <h3>{heading}</h3>}
            <article className="checklist-item panel" data-testid="checklist-item">
              <h4>{item.question}</h4>
              <EditorsOf people={editors.get(item.id)} />
              <CollaborativeText {...common} field="answer" label={label('answer')} rows={1} />
              {!readOnly && (
                <fieldset className="answer-choices" aria-label={t('checklist.quickAnswers')}>
                  {choices.map((choice) => (
                    <Button
                      key={choice}
                      variant="secondary"
                      size="sm"
                      onClick={() => {
                        const text = entryText(session.doc, 'checklist', item.id, 'answer');
                        if (text) replaceText(text, choice);
                      }}
                    >
                      {choice}
                    </Button>
                  ))}
                </fieldset>
              )}
              <CollaborativeText {...common} field="description" label={label('description')} rows={2} />
              <SelectField
                {...common}
                field="seriousness"
                label={label('seriousness')}
                value={item.seriousness}
                optional
                options={SERIOUSNESS_LEVELS.map((level) => ({ value: level, label: t(`seriousness.${level}`) }))}
              />
              <CollaborativeText {...common} field="action" label={label('action')} rows={2} />
            </article>
          </div>
        );
      })}
    </section>
  );
}
