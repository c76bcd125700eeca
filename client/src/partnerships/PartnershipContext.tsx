import type { DocumentsResponse, PartnershipView, SessionUserResponse } from '@samverka/model';
import { createContext, Suspense, useContext, useEffect } from 'react';
import { prefetchApi } from '../api/prefetch.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { CommentsButton, CommentsDrawer } from '../comments/CommentsDrawer.tsx';
import { ThreadsProvider } from '../comments/ThreadsProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NavLink, Outlet, useParams } from '../router/router.tsx';
import { onRightsChanged } from '../sync/rightsChanged.ts';
import { ButtonLink, PageHeader, Skeleton } from '../ui/index.ts';
import { documentsApiPath, partnershipApiPath } from './partnershipApiPaths.ts';

interface PartnershipContextValue extends PartnershipView {
  reload(): void;
}

/** `/p/:partnershipId/canvas/:docId`: a board opened by a deep link. */
const CANVAS_PATH = /^\/p\/([^/]+)\/canvas\/([^/]+)\/?$/;

/**
 * A deep link under `/p/:partnershipId`, at boot (preloadRouteCode): once the session answer
 * says someone is signed in, asks for the partnership, and for a board also for the document
 * list, tldraw's code and (once the list has it) the board's sync session, so they arrive
 * while the levels above the page render.
 */
export function startPartnershipDeepLink(pathname: string, session: Promise<SessionUserResponse>): void {
  const partnershipId = pathname.split('/')[2];
  if (!partnershipId) return;
  const canvas = CANVAS_PATH.exec(pathname);
  // Signed out, the page goes to the sign-in form: asking would only log refused requests.
  const list = session.then(
    ({ user }) => {
      if (!user) return null;
      prefetchApi(partnershipApiPath(partnershipId));
      return canvas ? prefetchApi<DocumentsResponse>(documentsApiPath(partnershipId)) : null;
    },
    () => null,
  );
  if (!canvas) return;
  const documentId = decodeURIComponent(canvas[2] as string);
  import('./DocumentRoutes.tsx').then(
    ({ startCanvasDeepLink }) => startCanvasDeepLink(documentId, list),
    () => undefined,
  );
}

export const PartnershipContext = createContext<PartnershipContextValue | null>(null);

/** The current partnership as the signed-in member sees it: role, side and abilities. */
export function usePartnership(): PartnershipContextValue {
  const value = useContext(PartnershipContext);
  if (!value) throw new Error('usePartnership outside PartnershipLayout');
  return value;
}

/** Loads `/p/:partnershipId` once for every page inside it, with its sub-navigation and comment threads (one event stream per tab). */
export function PartnershipLayout() {
  const { partnershipId = '' } = useParams();
  const { t } = useI18n();
  const { data, error, reload } = useApiResource<PartnershipView>(partnershipApiPath(partnershipId));
  useEffect(() => onRightsChanged(reload), [reload]);
  // Only the server saying "not yours" ends access; a network failure keeps what we have.
  const accessEnded = error && (error.status === 404 || error.status === 401);
  if (accessEnded || (error && !data)) {
    return (
      <div className="page">
        <PageHeader title={t('notFound.heading')} />
        <p>{t('partnership.notFound')}</p>
        <ButtonLink variant="secondary" to="/p">
          {t('invitation.goToPartnerships')}
        </ButtonLink>
      </div>
    );
  }
  if (!data || data.partnership.id !== partnershipId) {
    return (
      <div className="page">
        <Skeleton lines={6} />
      </div>
    );
  }
  return (
    <PartnershipContext.Provider value={{ ...data, reload }}>
      <ThreadsProvider key={partnershipId}>
        <nav className="subnav" aria-label={data.partnership.name}>
          <span className="subnav-title">{data.partnership.name}</span>
          <NavLink to={`/p/${partnershipId}`} end>
            {t('partnership.home')}
          </NavLink>
          <NavLink to={`/p/${partnershipId}/goals`}>{t('kind.register')}</NavLink>
          <NavLink to={`/p/${partnershipId}/members`}>{t('partnership.members')}</NavLink>
          {data.abilities.readAudit && (
            <NavLink to={`/p/${partnershipId}/activity`}>{t('partnership.activity')}</NavLink>
          )}
          {data.abilities.managePartnership && (
            <NavLink to={`/p/${partnershipId}/settings`}>{t('home.settings')}</NavLink>
          )}
          <CommentsButton />
        </nav>
        {/* The tab bar stays while a page's code loads. */}
        <Suspense fallback={<Skeleton />}>
          <Outlet />
        </Suspense>
        <CommentsDrawer />
      </ThreadsProvider>
    </PartnershipContext.Provider>
  );
}
