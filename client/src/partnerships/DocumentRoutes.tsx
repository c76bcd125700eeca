import type { DocumentsResponse } from '@samverka/model';
import { lazy, type ReactNode } from 'react';
import { useParams } from '../router/router.tsx';
import { DocumentKindRoute } from './DocumentKindRoute.tsx';
import { usePartnership } from './PartnershipContext.tsx';

// tldraw and Tiptap are large; each loads only on its own route, and starts loading
// while DocumentKindRoute checks the document's kind.
const loadCanvasPage = () => import('../canvas/CanvasPage.tsx');
const loadDocumentPage = () => import('../docs/DocumentPage.tsx');
const CanvasPage = lazy(loadCanvasPage);
const DocumentPage = lazy(loadDocumentPage);

/**
 * A board opened by a deep link (`startPartnershipDeepLink` at boot): tldraw's code starts
 * loading now, and the board's sync session as soon as the partnership's document list
 * (`null` when signed out) shows a board with this id. An unknown or foreign id never gets
 * a socket: the server would refuse it, and the provider would retry (DocumentKindRoute).
 */
export function startCanvasDeepLink(documentId: string, list: Promise<DocumentsResponse | null>): void {
  const ignore = () => undefined;
  loadCanvasPage().catch(ignore);
  list.then((answer) => {
    if (!answer?.documents.some((d) => d.id === documentId && d.kind === 'canvas')) return;
    import('../sync/documentSession.ts').then(
      ({ prestartDocumentSession }) => prestartDocumentSession(documentId),
      ignore,
    );
  }, ignore);
}

/** Remounts a page when its document id changes, so each mount owns one session. */
function KeyedByDocument({ children }: { children: (docId: string) => ReactNode }) {
  const { docId = '' } = useParams();
  return <>{children(docId)}</>;
}

/** The canvas in the member's rights: read-only unless the partnership's abilities say edit; the template is the owners'. */
function CanvasInRights() {
  const { abilities, side } = usePartnership();
  return <CanvasPage readOnly={!abilities.edit} side={side} mayChangeTemplate={abilities.managePartnership} />;
}

/** `/p/:partnershipId/canvas/:docId`. */
export function CanvasDocumentRoute() {
  return (
    <DocumentKindRoute kind="canvas" preload={loadCanvasPage}>
      <KeyedByDocument>{(docId) => <CanvasInRights key={docId} />}</KeyedByDocument>
    </DocumentKindRoute>
  );
}

/** `/p/:partnershipId/docs/:docId`. */
export function TextDocumentRoute() {
  return (
    <DocumentKindRoute kind="text" preload={loadDocumentPage}>
      <KeyedByDocument>{(docId) => <DocumentPage key={docId} />}</KeyedByDocument>
    </DocumentKindRoute>
  );
}
