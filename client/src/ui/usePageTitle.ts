import { useEffect } from 'react';

const APP_NAME = 'Samverka';

/** Sets the browser tab's title to "<title> · Samverka" while the page is shown. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
