import type { Page } from '@playwright/test';

/** Rows y-indexeddb holds for a document in this browser (each local update adds one). */
export function storedUpdates(page: Page, documentId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
    `samverka-doc-${documentId}`,
  );
}
