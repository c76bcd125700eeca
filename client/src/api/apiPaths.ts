/**
 * Paths of the API answers a deep link needs first, in one place: the pages ask for them,
 * and main.tsx asks for the same paths at boot (`prefetchApi`) for the pages to take over.
 */
export const SESSION_PATH = '/api/session';

export function partnershipApiPath(partnershipId: string): string {
  return `/api/partnerships/${partnershipId}`;
}

export function documentsApiPath(partnershipId: string): string {
  return `${partnershipApiPath(partnershipId)}/documents`;
}
