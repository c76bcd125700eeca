import { DocumentList } from '../docs/DocumentList.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CreateDocumentForm } from './CreateDocumentForm.tsx';
import { usePartnership } from './PartnershipContext.tsx';
import { PartnershipSettings } from './PartnershipSettings.tsx';

/** `/p/:id`: the partnership's facts, the caller's role, and its documents. */
export function PartnershipOverviewPage() {
  const { t } = useI18n();
  const { partnership, role, side, abilities } = usePartnership();
  return (
    <div className="page">
      <h1>{partnership.name}</h1>
      <p className="muted">
        {partnership.universityName} · {partnership.partnerName} · {t(`phase.${partnership.phase}`)}
      </p>
      <p>{t('partnership.youAre', { role: t(`role.${role}`).toLowerCase(), side: t(`side.${side}`).toLowerCase() })}</p>
      {!abilities.edit && <p className="notice">{t('partnership.readOnlyNotice')}</p>}
      <DocumentList />
      {abilities.edit && <CreateDocumentForm partnershipId={partnership.id} />}
      {abilities.managePartnership && <PartnershipSettings key={partnership.name + partnership.phase} />}
    </div>
  );
}
