import { createEntry, deleteEntry, GOAL_STATUSES, type Goal, type GoalStatus, SIDES } from '@samverka/model';
import { type FormEvent, useState } from 'react';
import { AnchorThreadsButton } from '../comments/CommentsDrawer.tsx';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { Link } from '../router/router.tsx';
import { Badge, Button, EmptyState, Table } from '../ui/index.ts';
import { CsvTools } from './CsvTools.tsx';
import { EditorsOf } from './EditorsOf.tsx';
import { useFieldPresence } from './fieldPresence.ts';
import { GoalEditor } from './GoalEditor.tsx';
import type { PanelProps } from './RegisterPage.tsx';
import { calendarDay, GOAL_STATUS_TONE, goalProgress, memberName } from './registerFormat.ts';

/** The goals tab: filters, cards or a table, progress from indicators, and the risks threatening each goal. */
export function GoalsPanel(props: PanelProps) {
  const { t } = useI18n();
  const format = useFormat();
  const { partnership } = usePartnership();
  const { session, view, members, readOnly } = props;
  const editors = useFieldPresence(session);
  const [layout, setLayout] = useState<'cards' | 'table'>('cards');
  const [filters, setFilters] = useState({ status: '', owner: '', side: '' });
  const [open, setOpen] = useState<string | undefined>();
  const threats = (goal: Goal) => view.risks.filter((risk) => risk.goals.includes(goal.id));
  const shown = view.goals.filter((goal) => {
    if (filters.status && goal.status !== filters.status) return false;
    if (filters.owner && goal.ownerUniversity !== filters.owner && goal.ownerPartner !== filters.owner) return false;
    if (filters.side === 'university' && !goal.ownerUniversity) return false;
    if (filters.side === 'partner' && !goal.ownerPartner) return false;
    return true;
  });
  const select = (name: 'status' | 'owner' | 'side', label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`goal-filter-${name}`}>{label}</label>
      <select
        id={`goal-filter-${name}`}
        value={filters[name]}
        onChange={(event) => setFilters({ ...filters, [name]: event.target.value })}
      >
        <option value="">{t('register.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const progressOf = (goal: Goal) => {
    const progress = goalProgress(goal);
    return progress === undefined ? (
      <span className="muted">{t('goal.noIndicators')}</span>
    ) : (
      <progress
        value={Math.round(progress * 100)}
        max={100}
        aria-label={t('goal.progress', { percent: Math.round(progress * 100) })}
      >
        {Math.round(progress * 100)}%
      </progress>
    );
  };
  const riskLinks = (goal: Goal) =>
    threats(goal).map((risk) => (
      <Link key={risk.id} to={`/p/${partnership.id}/risks`} className="risk-link">
        {risk.title}
      </Link>
    ));

  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('register.goals')}</h2>
      <CsvTools kind="goals" readOnly={readOnly} />
      {!readOnly && (
        <AddGoalForm onAdd={(title) => setOpen(createEntry(session.doc, 'goals', { title, status: 'not-started' }))} />
      )}
      <div className="filters">
        {select(
          'status',
          t('field.status'),
          GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) })),
        )}
        {select(
          'owner',
          t('goal.owner'),
          members.map((m) => ({ value: m.userId, label: m.name })),
        )}
        {select(
          'side',
          t('goal.side'),
          SIDES.map((s) => ({ value: s, label: t(`side.${s}`) })),
        )}
        <fieldset className="layout-switch">
          <legend>{t('goal.layout')}</legend>
          {(['cards', 'table'] as const).map((choice) => (
            <label key={choice} className="checkbox">
              <input type="radio" name="goal-layout" checked={layout === choice} onChange={() => setLayout(choice)} />
              {t(`goal.layout.${choice}`)}
            </label>
          ))}
        </fieldset>
      </div>
      {shown.length === 0 && <EmptyState title={t('goal.none')} />}
      {layout === 'cards' ? (
        <ul className="goal-cards">
          {shown.map((goal) => (
            <li
              key={goal.id}
              className={open === goal.id ? 'goal-card goal-card-open' : 'goal-card'}
              data-testid="goal-card"
              data-goal-id={goal.id}
              data-anchor-key={`goal:${goal.id}`}
            >
              <h3>
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={open === goal.id}
                  onClick={() => setOpen(open === goal.id ? undefined : goal.id)}
                >
                  {goal.title}
                </button>
              </h3>
              <EditorsOf people={editors.get(goal.id)} />
              <AnchorThreadsButton anchor={{ type: 'goal', goalId: goal.id }} label={goal.title} />
              <p>
                <Badge tone={GOAL_STATUS_TONE[goal.status as GoalStatus]}>
                  {t(`goalStatus.${goal.status as GoalStatus}`)}
                </Badge>
                {goal.due && ` · ${t('goal.dueOn', { date: format.date(calendarDay(goal.due)) })}`}
              </p>
              {progressOf(goal)}
              <p className="muted">
                {[memberName(members, goal.ownerUniversity), memberName(members, goal.ownerPartner)]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {threats(goal).length > 0 && (
                <p>
                  {t('goal.threatenedBy')} {riskLinks(goal)}
                </p>
              )}
              {open === goal.id && (
                <GoalEditor
                  {...props}
                  goal={goal}
                  threats={threats(goal)}
                  onDelete={() => deleteEntry(session.doc, 'goals', goal.id)}
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Table caption={t('register.goals')} captionHidden className="register-table" testId="goal-table">
          <thead>
            <tr>
              <th scope="col">{t('field.title')}</th>
              <th scope="col">{t('field.status')}</th>
              <th scope="col">{t('field.due')}</th>
              <th scope="col">{t('goal.owner')}</th>
              <th scope="col">{t('goal.progressHeading')}</th>
              <th scope="col">{t('goal.threatenedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((goal) => (
              <tr key={goal.id} data-anchor-key={`goal:${goal.id}`}>
                <th scope="row">
                  {goal.title}
                  <EditorsOf people={editors.get(goal.id)} />{' '}
                  <AnchorThreadsButton anchor={{ type: 'goal', goalId: goal.id }} label={goal.title} />
                </th>
                <td>{t(`goalStatus.${goal.status as GoalStatus}`)}</td>
                <td>{goal.due && format.date(calendarDay(goal.due))}</td>
                <td>
                  {[memberName(members, goal.ownerUniversity), memberName(members, goal.ownerPartner)]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
                <td>{progressOf(goal)}</td>
                <td>{riskLinks(goal)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function AddGoalForm({ onAdd }: { onAdd(title: string): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    onAdd(title.trim());
    setTitle('');
  };
  return (
    <form className="add-form" onSubmit={submit} aria-label={t('goal.add')}>
      <div className="field">
        <label htmlFor="new-goal-title">{t('field.title')}</label>
        <input id="new-goal-title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <Button type="submit">{t('goal.add')}</Button>
    </form>
  );
}
