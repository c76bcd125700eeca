import type { SessionUserResponse } from '@samverka/model';
import { type ComponentType, lazy, Suspense } from 'react';
import { SESSION_PATH } from './api/apiPaths.ts';
import { prefetchApi } from './api/prefetch.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { withMessages } from './i18n/i18n.tsx';
import { BrowserRouter, Route, Routes } from './router/router.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { Skeleton } from './ui/index.ts';

/**
 * A page loaded on first visit of its route. Only the sign-in page, the home page and the shell
 * are in the first download: a visitor who is not signed in never loads Yjs, tldraw, Tiptap, the
 * register or the partnership pages (docs/benchmarks.md, "First page"). A page's loader fetches the
 * text of its areas (i18n/areas.ts) with its code, so it never renders before its text; the sign-in
 * page has only the `core` text. Pages nested under the partnership layout get the layout's areas too.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignupPage = lazyPage(() => import('./auth/SignupPage.tsx'), 'SignupPage');
const ForgotPasswordPage = lazyPage(() => import('./auth/PasswordResetPages.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./auth/PasswordResetPages.tsx'), 'ResetPasswordPage');
const AcceptInvitationPage = lazyPage(
  () => withMessages(import('./members/AcceptInvitationPage.tsx'), 'workspace', 'members'),
  'AcceptInvitationPage',
);
const AccountSettingsPage = lazyPage(
  () => withMessages(import('./account/AccountSettingsPage.tsx'), 'account', 'notifications'),
  'AccountSettingsPage',
);
const SessionsPage = lazyPage(() => withMessages(import('./account/SessionsPage.tsx'), 'account'), 'SessionsPage');
const InboxPage = lazyPage(
  () => withMessages(import('./comments/InboxPage.tsx'), 'workspace', 'comments'),
  'InboxPage',
);
const PartnershipsPage = lazyPage(
  () => withMessages(import('./partnerships/PartnershipsPage.tsx'), 'workspace'),
  'PartnershipsPage',
);
const loadPartnershipLayout = () =>
  withMessages(import('./partnerships/PartnershipContext.tsx'), 'workspace', 'members', 'comments');
const loadOverviewPage = () => withMessages(import('./partnerships/PartnershipOverviewPage.tsx'), 'snapshots');
const loadDocumentRoutes = () => withMessages(import('./partnerships/DocumentRoutes.tsx'), 'editors');
const loadRegisterPage = () => withMessages(import('./register/RegisterPage.tsx'), 'register', 'editors');
const PartnershipLayout = lazyPage(loadPartnershipLayout, 'PartnershipLayout');
const PartnershipOverviewPage = lazyPage(loadOverviewPage, 'PartnershipOverviewPage');
const MembersPage = lazyPage(() => import('./members/MembersPage.tsx'), 'MembersPage');
const AuditPage = lazyPage(() => withMessages(import('./partnerships/AuditPage.tsx'), 'snapshots'), 'AuditPage');
const PartnershipSettingsPage = lazyPage(
  () => import('./partnerships/PartnershipSettings.tsx'),
  'PartnershipSettingsPage',
);
const CanvasDocumentRoute = lazyPage(loadDocumentRoutes, 'CanvasDocumentRoute');
const TextDocumentRoute = lazyPage(loadDocumentRoutes, 'TextDocumentRoute');
const RegisterPage = lazy(loadRegisterPage);
const snapshotAreas = ['snapshots', 'register', 'editors'] as const;
const SnapshotPage = lazy(() => withMessages(import('./snapshots/SnapshotPage.tsx'), ...snapshotAreas));
const ComparePage = lazy(() => withMessages(import('./snapshots/ComparePage.tsx'), ...snapshotAreas));
const ReportPage = lazy(() => withMessages(import('./snapshots/ReportPage.tsx'), ...snapshotAreas));
// Outside the partnership layout: its own areas and the layout's `workspace` (names of kinds and phases).
const SharedSnapshotPage = lazy(() =>
  withMessages(import('./snapshots/SharedSnapshotPage.tsx'), ...snapshotAreas, 'workspace'),
);

/** The code a deep link under a partnership needs, beyond the layout. */
const PARTNERSHIP_PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^\/p\/[^/]+\/?$/, loadOverviewPage],
  [/^\/p\/[^/]+\/(canvas|docs)\//, loadDocumentRoutes],
  [/^\/p\/[^/]+\/(goals|risks|checklist)/, loadRegisterPage],
];

/**
 * Starts loading a deep link's code at boot, all at once (main.tsx calls it before the first
 * render): otherwise each lazy level, the partnership layout, then the page, would only be asked
 * for once the level above had rendered, one round trip after another. The session is asked
 * for at once too, and the partnership's chunk starts what its level needs (the partnership,
 * and for a board its list, tldraw and the board's sync: docs/benchmarks.md, "Canvas open
 * time"); that work lives in the chunks, not in this first download the sign-in page shares.
 */
export function preloadRouteCode(pathname: string): void {
  if (!pathname.startsWith('/p/')) return;
  const ignore = () => undefined;
  const session = prefetchApi<SessionUserResponse>(SESSION_PATH);
  loadPartnershipLayout().then(({ startPartnershipDeepLink }) => startPartnershipDeepLink(pathname, session), ignore);
  for (const [pattern, load] of PARTNERSHIP_PAGES) if (pattern.test(pathname)) load().catch(ignore);
}

function Loading() {
  return (
    <div className="page">
      <Skeleton />
    </div>
  );
}

export function App() {
  return (
    // Navigating is a plain state update, not a transition: a page whose code is still loading shows
    // the loading placeholder at once (in a transition the previous page stayed on screen and took
    // the typing meant for the next).
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
              <Route path="canvas/:docId" element={<CanvasDocumentRoute />} />
              <Route path="docs/:docId" element={<TextDocumentRoute />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
