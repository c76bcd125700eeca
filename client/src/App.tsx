import type { DocumentKind } from '@samverka/model';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { SessionsPage } from './account/SessionsPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SignupPage } from './auth/SignupPage.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { AcceptInvitationPage } from './members/AcceptInvitationPage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { AuditPage } from './partnerships/AuditPage.tsx';
import { DocumentGate } from './partnerships/DocumentGate.tsx';
import { PartnershipLayout, usePartnership } from './partnerships/PartnershipContext.tsx';
import { PartnershipOverviewPage } from './partnerships/PartnershipOverviewPage.tsx';
import { PartnershipsPage } from './partnerships/PartnershipsPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';

// tldraw and Tiptap are large; each loads only on its own route.
const loadCanvasPage = () => import('./canvas/CanvasPage.tsx');
const loadDocumentPage = () => import('./docs/DocumentPage.tsx');
const CanvasPage = lazy(loadCanvasPage);
const DocumentPage = lazy(loadDocumentPage);

function Loading() {
  const { t } = useI18n();
  return <p className="loading">{t('loading')}</p>;
}

/**
 * Remounts a page when its document id changes, so each mount owns one session;
 * an id that is not a document of this kind here gets "not found" instead.
 */
function KeyedByDocument({ kind, children }: { kind: DocumentKind; children: (docId: string) => ReactNode }) {
  const { docId = '' } = useParams();
  // Fetch the page's code while the gate asks whether the document exists.
  void (kind === 'canvas' ? loadCanvasPage() : loadDocumentPage());
  return (
    <DocumentGate key={docId} documentId={docId} kind={kind}>
      {() => children(docId)}
    </DocumentGate>
  );
}

/** The canvas in the member's rights: read-only unless the partnership's abilities say edit. */
function CanvasRoute() {
  const { abilities, side } = usePartnership();
  return <CanvasPage readOnly={!abilities.edit} side={side} />;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="signup" element={<SignupPage />} />
            <Route path="invite/:token" element={<AcceptInvitationPage />} />
            <Route
              path="account/sessions"
              element={
                <RequireAuth>
                  <SessionsPage />
                </RequireAuth>
              }
            />
            <Route
              path="p"
              element={
                <RequireAuth>
                  <PartnershipsPage />
                </RequireAuth>
              }
            />
            <Route
              path="p/:partnershipId"
              element={
                <RequireAuth>
                  <PartnershipLayout />
                </RequireAuth>
              }
            >
              <Route index element={<PartnershipOverviewPage />} />
              <Route path="members" element={<MembersPage />} />
              <Route path="activity" element={<AuditPage />} />
              <Route
                path="canvas/:docId"
                element={<KeyedByDocument kind="canvas">{(docId) => <CanvasRoute key={docId} />}</KeyedByDocument>}
              />
              <Route
                path="docs/:docId"
                element={<KeyedByDocument kind="text">{(docId) => <DocumentPage key={docId} />}</KeyedByDocument>}
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
