import {
  COLLABORATION_FORMS,
  GOAL_STATUSES,
  type Goal,
  type Indicator,
  newEntryId,
  type Risk,
  setIndicator,
  setMembership,
} from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { Button, Table } from '../ui/index.ts';
import { CollaborativeText } from './CollaborativeText.tsx';
import { DateField, MemberField, SelectField, TitleField } from './fieldControls.tsx';
import type { PanelProps } from './RegisterPage.tsx';
import { RemoveEntryButton } from './RemoveEntryButton.tsx';
import { today } from './registerFormat.ts';

/** Every field of one goal, editable live, with its indicators and the risks that threaten it. */
export function GoalEditor({
  session,
  members,
  readOnly,
  goal,
  threats,
  onDelete,
}: PanelProps & { goal: Goal; threats: Risk[]; onDelete(): void }) {
  const { t } = useI18n();
  const common = { session, kind: 'goals' as const, entryId: goal.id, readOnly };
  const label = (field: string) => t(`field.${field}` as 'field.title');
  const saveIndicator = (indicator: Indicator, change: Partial<Indicator>) => {
    const next = { ...indicator, ...change };
    if ('current' in change) next.updated = today();
    setIndicator(session.doc, goal.id, indicator.id, next);
  };
  return (
    <div className="entry-editor" data-testid="goal-editor">
      <div className="grid-form">
        <TitleField {...common} field="title" label={label('title')} value={goal.title} />
        <SelectField
          {...common}
          field="status"
          label={label('status')}
          value={goal.status}
          options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
        />
        <DateField {...common} field="due" label={label('due')} value={goal.due} />
        <MemberField
          {...common}
          field="ownerUniversity"
          label={label('ownerUniversity')}
          value={goal.ownerUniversity}
          members={members}
          side="university"
        />
        <MemberField
          {...common}
          field="ownerPartner"
          label={label('ownerPartner')}
          value={goal.ownerPartner}
          members={members}
          side="partner"
        />
      </div>
      <CollaborativeText {...common} field="description" label={label('description')} />
      <CollaborativeText {...common} field="strategyUniversity" label={label('strategyUniversity')} rows={2} />
      <CollaborativeText {...common} field="strategyPartner" label={label('strategyPartner')} rows={2} />
      <fieldset className="links">
        <legend>{label('forms')}</legend>
        {COLLABORATION_FORMS.map((form) => (
          <label key={form} className="checkbox">
            <input
              type="checkbox"
              checked={goal.forms.includes(form)}
              disabled={readOnly}
              onChange={(event) => setMembership(session.doc, 'goals', goal.id, 'forms', form, event.target.checked)}
            />
            {t(`collaboration.${form}`)}
          </label>
        ))}
      </fieldset>
      <Table caption={label('indicators')} className="register-table indicators">
        <thead>
          <tr>
            {(['name', 'unit', 'baseline', 'target', 'current', 'updated'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`indicator.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {goal.indicators.map((indicator) => (
            <tr key={indicator.id}>
              {(['name', 'unit'] as const).map((column) => (
                <td key={column}>
                  <input
                    aria-label={t(`indicator.${column}`)}
                    value={indicator[column]}
                    readOnly={readOnly}
                    onChange={(event) =>
                      event.target.value.trim() !== '' && saveIndicator(indicator, { [column]: event.target.value })
                    }
                  />
                </td>
              ))}
              {(['baseline', 'target', 'current'] as const).map((column) => (
                <td key={column}>
                  <input
                    type="number"
                    aria-label={t(`indicator.${column}`)}
                    value={indicator[column] ?? ''}
                    readOnly={readOnly}
                    onChange={(event) => {
                      const value = event.target.valueAsNumber;
                      if (Number.isFinite(value)) saveIndicator(indicator, { [column]: value });
                    }}
                  />
                </td>
              ))}
              <td>{indicator.updated}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {!readOnly && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const id = newEntryId();
            setIndicator(session.doc, goal.id, id, {
              id,
              name: t('indicator.new'),
              unit: '',
              baseline: 0,
              target: 100,
            });
          }}
        >
          {t('indicator.add')}
        </Button>
      )}
      <p>
        {t('goal.threatenedBy')}{' '}
        {threats.length === 0 ? t('goal.noThreats') : threats.map((risk) => risk.title).join(', ')}
      </p>
      {!readOnly && <RemoveEntryButton title={goal.title} onRemove={onDelete} />}
    </div>
  );
}
