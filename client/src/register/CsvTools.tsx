import type { CsvRowIssue, RegisterCsvKind } from '@samverka/model';
import { type ChangeEvent, useState } from 'react';
import { ApiRequestError, api } from '../api/apiClient.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { buttonClass } from '../ui/index.ts';

/** Download the goals or risks as CSV (semicolons for Swedish spreadsheets) and, for editors, import a file. */
export function CsvTools({ kind, readOnly }: { kind: RegisterCsvKind; readOnly: boolean }) {
  const { t, locale } = useI18n();
  const { partnership } = usePartnership();
  const [status, setStatus] = useState<{ imported?: number; error?: string; rows?: CsvRowIssue[] }>({});
  const path = `/api/partnerships/${partnership.id}/register/${kind}.csv`;
  const separator = locale === 'sv' ? 'semicolon' : 'comma';

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const answer = await api.postText<{ imported: number }>(path, await file.text(), 'text/csv');
      setStatus({ imported: answer.imported });
    } catch (error) {
      const known = error instanceof ApiRequestError ? error : undefined;
      setStatus({
        error: t(`error.${known?.id ?? 'generic'}` as 'error.generic'),
        rows: (known?.rows ?? []) as CsvRowIssue[],
      });
    }
  };

  return (
    <div className="csv-tools">
      <a className={buttonClass('secondary', 'sm')} href={`${path}?separator=${separator}`} download>
        {t('csv.download')}
      </a>
      {!readOnly && (
        <label className={buttonClass('secondary', 'sm')}>
          {t('csv.import')}
          <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={upload} />
        </label>
      )}
      <div aria-live="polite">
        {status.imported !== undefined && <p className="status">{t('csv.imported', { count: status.imported })}</p>}
        {status.error && (
          <div className="form-alert">
            <p>{status.error}</p>
            <ul>
              {status.rows?.map((row) => (
                <li key={`${row.row}-${row.field}`}>
                  {t('csv.rowIssue', { row: row.row, field: row.field, message: row.message })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
