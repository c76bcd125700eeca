import type { Partnership } from '@samverka/model';
import { useFormat } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Badge, Panel } from '../../ui/index.ts';
import { meetsFiveYearRule, termEndDate } from './termDates.ts';

/** The term: when it started, how long it runs, when it ends, and whether it meets the five-year rule. */
export function TermPanel({ partnership }: { partnership: Partnership }) {
  const { t } = useI18n();
  const format = useFormat();
  const end = termEndDate(partnership.startDate, partnership.termYears);
  const rule = meetsFiveYearRule(partnership.termYears);
  return (
    <Panel title={t('home.term')} className="term-panel">
      {partnership.termYears !== null ? (
        <p className="term-length">
          {t('home.termLength', { years: format.plural('years', partnership.termYears) })}{' '}
          {rule ? (
            <Badge tone="success">{t('home.fiveYearRuleMet')}</Badge>
          ) : (
            <Badge tone="warning">{t('home.fiveYearRuleShort')}</Badge>
          )}
        </p>
      ) : (
        <p className="muted">{t('home.noTerm')}</p>
      )}
      {partnership.startDate ? (
        <p>{t('home.startDate', { date: format.date(`${partnership.startDate}T00:00:00`) })}</p>
      ) : (
        <p className="muted">{t('home.noStartDate')}</p>
      )}
      {end && <p className="term-end">{t('home.endDate', { date: format.date(end) })}</p>}
      {rule === false && <p className="hint">{t('home.fiveYearRuleHelp')}</p>}
    </Panel>
  );
}
