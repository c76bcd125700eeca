import {
  LIFECYCLE_PHASES,
  RISK_CATEGORIES,
  RISK_STATUSES,
  RISK_TREATMENTS,
  type Risk,
  setMembership,
} from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { CollaborativeText } from './CollaborativeText.tsx';
import { DateField, MemberField, RATING_OPTIONS, SelectField, TitleField } from './fieldControls.tsx';
import type { PanelProps } from './RegisterPage.tsx';
import { RemoveEntryButton } from './RemoveEntryButton.tsx';

/** Every field of one risk, editable live (read-only for viewers and commenters). */
export function RiskEditor({
  session,
  view,
  members,
  readOnly,
  risk,
  onDelete,
}: PanelProps & { risk: Risk; onDelete(): void }) {
  const { t } = useI18n();
  const common = { session, kind: 'risks' as const, entryId: risk.id, readOnly };
  const label = (field: string) => t(`field.${field}` as 'field.title');
  return (
    <div className="entry-editor" data-testid="risk-editor">
      <div className="grid-form">
        <TitleField {...common} field="title" label={label('title')} value={risk.title} />
        <SelectField
          {...common}
          field="category"
          label={label('category')}
          value={risk.category}
          options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <SelectField
          {...common}
          field="phase"
          label={label('phase')}
          value={risk.phase}
          optional
          options={LIFECYCLE_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))}
        />
        <SelectField
          {...common}
          field="likelihood"
          label={label('likelihood')}
          value={risk.likelihood}
          options={RATING_OPTIONS}
          numeric
        />
        <SelectField
          {...common}
          field="impact"
          label={label('impact')}
          value={risk.impact}
          options={RATING_OPTIONS}
          numeric
        />
        <SelectField
          {...common}
          field="residualLikelihood"
          label={label('residualLikelihood')}
          value={risk.residualLikelihood}
          options={RATING_OPTIONS}
          numeric
          optional
        />
        <SelectField
          {...common}
          field="residualImpact"
          label={label('residualImpact')}
          value={risk.residualImpact}
          options={RATING_OPTIONS}
          numeric
          optional
        />
        <SelectField
          {...common}
          field="treatment"
          label={label('treatment')}
          value={risk.treatment}
          optional
          options={RISK_TREATMENTS.map((x) => ({ value: x, label: t(`treatment.${x}`) }))}
        />
        <MemberField {...common} field="owner" label={label('owner')} value={risk.owner} members={members} />
        <SelectField
          {...common}
          field="status"
          label={label('status')}
          value={risk.status}
          options={RISK_STATUSES.map((s) => ({ value: s, label: t(`riskStatus.${s}`) }))}
        />
        <DateField {...common} field="raised" label={label('raised')} value={risk.raised} />
        <DateField {...common} field="reviewDue" label={label('reviewDue')} value={risk.reviewDue} />
      </div>
      <CollaborativeText {...common} field="description" label={label('description')} />
      <CollaborativeText {...common} field="controls" label={label('controls')} />
      <CollaborativeText {...common} field="mitigation" label={label('mitigation')} />
      <fieldset className="links">
        <legend>{t('risk.threatensGoals')}</legend>
        {view.goals.length === 0 && <p className="muted">{t('goal.none')}</p>}
        {view.goals.map((goal) => (
          <label key={goal.id} className="checkbox">
            <input
              type="checkbox"
              checked={risk.goals.includes(goal.id)}
              disabled={readOnly}
              onChange={(event) => setMembership(session.doc, 'risks', risk.id, 'goals', goal.id, event.target.checked)}
            />
            {goal.title}
          </label>
        ))}
      </fieldset>
      {!readOnly && <RemoveEntryButton title={risk.title} onRemove={onDelete} />}
    </div>
  );
}
