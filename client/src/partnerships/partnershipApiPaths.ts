/*
 * Paths of the partnership answers a deep link needs first, in one place: the pages ask for
 * them, and `startPartnershipDeepLink` asks for the same paths at boot (`prefetchApi`) for the
 * pages to take over. Kept out of api/ so they stay out of the sign-in page's first download.
 */

export function partnershipApiPath(partnershipId: string): string {
  return `/api/partnerships/${partnershipId}`;
}

export function documentsApiPath(partnershipId: string): string {
  return `${partnershipApiPath(partnershipId)}/documents`;
}
