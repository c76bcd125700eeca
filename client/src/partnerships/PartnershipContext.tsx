import type { PartnershipView } from '@samverka/model';
import { createContext, useContext, useEffect } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { onRightsChanged } from '../sync/rightsChanged.ts';

interface PartnershipContextValue extends PartnershipView {
  reload(): void;
}

export const PartnershipContext = createContext<PartnershipContextValue | null>(null);

/** The current partnership as the signed-in member sees it: role, side and abilities. */
export function usePartnership(): PartnershipContextValue {
  const value = useContext(PartnershipContext);
  if (!value) throw new Error('usePartnership outside PartnershipLayout');
  return value;
}

/** Loads `/p/:partnershipId` once for every page inside it, with its sub-navigation. */
export function PartnershipLayout() {
  const { partnershipId = '' } = useParams();
  const { t } = useI18n();
  const { data, error, reload } = useApiResource<PartnershipView>(`/api/partnerships/${partnershipId}`);
  useEffect(() => onRightsChanged(reload), [reload]);
  // Only the server saying "not yours" ends access; a network failure keeps what we have.
  const accessEnded = error && (error.status === 404 || error.status === 401);
  if (accessEnded || (error && !data)) {
    return (
      <div className="page">
        <h1>{t('notFound.heading')}</h1>
        <p>{t('partnership.notFound')}</p>
      </div>
    );
  }
  if (!data || data.partnership.id !== partnershipId) return <p className="loading">{t('loading')}</p>;
  return (
    <PartnershipContext.Provider value={{ ...data, reload }}>
      <nav className="subnav" aria-label={data.partnership.name}>
        <span className="subnav-title">{data.partnership.name}</span>
        <NavLink to={`/p/${partnershipId}`} end>
          {t('partnership.documents')}
        </NavLink>
        <NavLink to={`/p/${partnershipId}/members`}>{t('partnership.members')}</NavLink>
        {data.abilities.readAudit && <NavLink to={`/p/${partnershipId}/activity`}>{t('partnership.activity')}</NavLink>}
      </nav>
      <Outlet />
    </PartnershipContext.Provider>
  );
}
