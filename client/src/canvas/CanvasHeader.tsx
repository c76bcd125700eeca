import { useState } from 'react';
import type { Editor } from 'tldraw';
import { useI18n } from '../i18n/i18n.tsx';
import { ConnectionBadge } from '../shell/ConnectionBadge.tsx';
import { presenceChipProps } from '../shell/PresenceList.tsx';
import type { DocumentSession } from '../sync/documentSession.ts';
import { useConnectionState } from '../sync/useDocumentSession.ts';
import type { Collaborator } from '../sync/usePresence.ts';
import { Button, usePageTitle } from '../ui/index.ts';
import { downloadBoard, type ExportFormat } from './boardExport.ts';
import { presenceUserIdOf } from './tldrawPresence.ts';

interface CanvasHeaderProps {
  title: string;
  session: DocumentSession;
  collaborators: Collaborator[];
  editor: Editor | null;
  readOnly: boolean;
  followingUserId: string | null;
}

/** Title bar over a board: who is here (click to follow), read-only state, export, connection. */
export function CanvasHeader({ title, session, collaborators, editor, readOnly, followingUserId }: CanvasHeaderProps) {
  const { t } = useI18n();
  const state = useConnectionState(session);
  const [exportFailed, setExportFailed] = useState(false);
  usePageTitle(title);

  const exportAs = (format: ExportFormat) => {
    if (!editor) return;
    setExportFailed(false);
    downloadBoard(editor, format, 'partnership-canvas').catch(() => setExportFailed(true));
  };

  const toggleFollow = (collaborator: Collaborator) => {
    const userId = presenceUserIdOf(session.provider.awareness, collaborator.clientId);
    if (!editor || !userId) return;
    if (followingUserId === userId) editor.stopFollowingUser();
    else editor.startFollowingUser(userId);
  };

  return (
    <div className="document-header">
      <h1>{title}</h1>
      <section className="presence canvas-presence" aria-label={t('presence.here')}>
        <ul>
          {collaborators.map((c) => {
            const side = c.side ? ` · ${t(`side.${c.side}`)}` : '';
            if (c.isSelf) {
              return (
                <li key={c.clientId} {...presenceChipProps(c)}>
                  {t('presence.you', { name: c.name })}
                  {side}
                </li>
              );
            }
            const userId = presenceUserIdOf(session.provider.awareness, c.clientId);
            const following = userId !== undefined && userId === followingUserId;
            return (
              <li key={c.clientId}>
                <button
                  type="button"
                  className="canvas-presence-chip"
                  style={{ backgroundColor: c.color }}
                  aria-pressed={following}
                  title={following ? t('canvas.following', { name: c.name }) : t('canvas.follow', { name: c.name })}
                  onClick={() => toggleFollow(c)}
                >
                  {c.name}
                  {side}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {readOnly && <span className="canvas-read-only">{t('canvas.readOnly')}</span>}
      <div className="canvas-actions">
        <Button variant="secondary" size="sm" onClick={() => exportAs('png')} disabled={!editor}>
          {t('canvas.exportPng')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => exportAs('svg')} disabled={!editor}>
          {t('canvas.exportSvg')}
        </Button>
      </div>
      {exportFailed && <output className="canvas-read-only">{t('canvas.exportFailed')}</output>}
      <ConnectionBadge state={state} />
    </div>
  );
}
