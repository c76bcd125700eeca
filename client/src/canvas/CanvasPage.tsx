import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import {
  atom,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  defaultShapeUtils,
  getUserPreferences,
  setUserPreferences,
  type TLStoreWithStatus,
  type TLUser,
  Tldraw,
  UserRecordType,
} from 'tldraw';
import 'tldraw/tldraw.css';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';
import { DocumentHeader } from '../shell/DocumentHeader.tsx';
import { useDocumentSession, useSynced } from '../sync/useDocumentSession.ts';
import { usePresence } from '../sync/usePresence.ts';
import { bindPresence } from './tldrawPresence.ts';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';

// Fonts, icons and translations are bundled and served by us, never a CDN.
const assetUrls = getAssetUrlsByImport();
const licenseKey = document.querySelector<HTMLMetaElement>('meta[name="samverka-tldraw-license"]')?.content;

/** A live tldraw board bound to one canvas document. */
export default function CanvasPage() {
  const { docId = '' } = useParams();
  const { t, locale } = useI18n();
  const { identity } = useIdentity();
  const session = useDocumentSession(docId);
  const synced = useSynced(session);
  const collaborators = usePresence(session, identity);

  const user$ = useMemo(() => atom<TLUser | null>('current user', null), []);
  useEffect(() => {
    user$.set(UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color: identity.color }));
  }, [user$, identity]);

  // tldraw's own menus follow the app's language.
  useEffect(() => {
    setUserPreferences({ ...getUserPreferences(), locale });
  }, [locale]);

  const [store] = useState(() =>
    createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, users: { currentUser: user$ } }),
  );
  const [storeWithStatus, setStoreWithStatus] = useState<TLStoreWithStatus>({ status: 'loading' });

  useEffect(() => {
    if (!synced) return;
    try {
      loadBoard(store, session.doc);
    } catch (error) {
      setStoreWithStatus({ status: 'error', error: error as Error });
      return;
    }
    const unbindDoc = bindStoreToDoc(store, session.doc);
    const unbindPresence = bindPresence(store, session.provider.awareness, user$);
    setStoreWithStatus({ status: 'synced-remote', connectionStatus: 'online', store });
    return () => {
      unbindDoc();
      unbindPresence();
    };
  }, [synced, store, session, user$]);

  return (
    <div className="document-page">
      <DocumentHeader title={t('canvas.title')} session={session} collaborators={collaborators} />
      <div className="canvas-host" data-testid="canvas">
        <Tldraw store={storeWithStatus} assetUrls={assetUrls} licenseKey={licenseKey} />
      </div>
    </div>
  );
}
