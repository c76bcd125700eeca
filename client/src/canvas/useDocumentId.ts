import { useParams } from '../router/router.tsx';

/** The canvas document id from the route (`…/canvas/:docId`). */
export function useDocumentId(): string {
  const { docId = '' } = useParams();
  return docId;
}
