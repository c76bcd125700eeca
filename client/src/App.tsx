import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { useI18n } from './i18n/i18n.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { HomePage } from './shell/HomePage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';

// tldraw and Tiptap are large; each loads only on its own route.
const CanvasPage = lazy(() => import('./canvas/CanvasPage.tsx'));
const DocumentPage = lazy(() => import('./docs/DocumentPage.tsx'));

function Loading() {
  const { t } = useI18n();
  return <p className="loading">{t('loading')}</p>;
}

/** Remounts a page when its document id changes, so each mount owns one session. */
function Keyed({ children }: { children: (docId: string) => React.ReactNode }) {
  const { docId = '' } = useParams();
  return <>{children(docId)}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route
              path="p/:partnershipId/canvas/:docId"
              element={<Keyed>{(docId) => <CanvasPage key={docId} />}</Keyed>}
            />
            <Route
              path="p/:partnershipId/docs/:docId"
              element={<Keyed>{(docId) => <DocumentPage key={docId} />}</Keyed>}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
