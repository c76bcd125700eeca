import { useParams } from 'react-router';

/** The canvas document id from the route (`…/canvas/:docId`). */
export function useDocumentId(): string {
  const { docId = '' } = useParams();
  return docId;
}
