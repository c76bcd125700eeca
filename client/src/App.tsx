import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { AccountSettingsPage } from './account/AccountSettingsPage.tsx';
import { SessionsPage } from './account/SessionsPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/PasswordResetPages.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SignupPage } from './auth/SignupPage.tsx';
import { InboxPage } from './comments/InboxPage.tsx';
import { AcceptInvitationPage } from './members/AcceptInvitationPage.tsx';
import { MembersPage } from './members/MembersPage.tsx';
import { AuditPage } from './partnerships/AuditPage.tsx';
import { DocumentKindRoute } from './partnerships/DocumentKindRoute.tsx';
import { PartnershipLayout, usePartnership } from './partnerships/PartnershipContext.tsx';
import { PartnershipOverviewPage } from './partnerships/PartnershipOverviewPage.tsx';
import { PartnershipSettingsPage } from './partnerships/PartnershipSettings.tsx';
import { PartnershipsPage } from './partnerships/PartnershipsPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { Skeleton } from './ui/index.ts';

// tldraw and Tiptap are large; each loads only on its own route.
const loadCanvasPage = () => import('./canvas/CanvasPage.tsx');
const loadDocumentPage = () => import('./docs/DocumentPage.tsx');
const CanvasPage = lazy(loadCanvasPage);
const DocumentPage = lazy(loadDocumentPage);
const RegisterPage = lazy(() => import('./register/RegisterPage.tsx'));
const SnapshotPage = lazy(() => import('./snapshots/SnapshotPage.tsx'));
const ComparePage = lazy(() => import('./snapshots/ComparePage.tsx'));
const ReportPage = lazy(() => import('./snapshots/ReportPage.tsx'));
const SharedSnapshotPage = lazy(() => import('./snapshots/SharedSnapshotPage.tsx'));

function Loading() {
  return (
    <div className="page">
      <Skeleton />
    </div>
  );
}

/** Remounts a page when its document id changes, so each mount owns one session. */
function KeyedByDocument({ children }: { children: (docId: string) => ReactNode }) {
  const { docId = '' } = useParams();
  return <>{children(docId)}</>;
}

/** The canvas in the member's rights: read-only unless the partnership's abilities say edit; the template is the owners'. */
function CanvasRoute() {
  const { abilities, side } = usePartnership();
  return <CanvasPage readOnly={!abilities.edit} side={side} mayChangeTemplate={abilities.managePartnership} />;
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
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="invite/:token" element={<AcceptInvitationPage />} />
            {/* A share link: no account, nothing live (SHARED_SNAPSHOT_PATH_PREFIX). */}
            <Route path="shared/:token" element={<SharedSnapshotPage />} />
            <Route
              path="account/settings"
              element={
                <RequireAuth>
                  <AccountSettingsPage />
                </RequireAuth>
              }
            />
            <Route
              path="account/sessions"
              element={
                <RequireAuth>
                  <SessionsPage />
                </RequireAuth>
              }
            />
            <Route
              path="inbox"
              element={
                <RequireAuth>
                  <InboxPage />
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
              <Route path="settings" element={<PartnershipSettingsPage />} />
              <Route path="goals" element={<RegisterPage tab="goals" />} />
              <Route path="risks" element={<RegisterPage tab="risks" />} />
              <Route path="checklist" element={<RegisterPage tab="checklist" />} />
              <Route path="snapshots/:snapshotId" element={<SnapshotPage />} />
              <Route path="snapshots/:snapshotId/compare" element={<ComparePage />} />
              <Route path="snapshots/:snapshotId/report" element={<ReportPage />} />
              <Route
                path="canvas/:docId"
                element={
                  <DocumentKindRoute kind="canvas" preload={loadCanvasPage}>
                    <KeyedByDocument>{(docId) => <CanvasRoute key={docId} />}</KeyedByDocument>
                  </DocumentKindRoute>
                }
              />
              <Route
                path="docs/:docId"
                element={
                  <DocumentKindRoute kind="text" preload={loadDocumentPage}>
                    <KeyedByDocument>{(docId) => <DocumentPage key={docId} />}</KeyedByDocument>
                  </DocumentKindRoute>
                }
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
