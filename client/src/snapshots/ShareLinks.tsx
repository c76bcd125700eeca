import type { SnapshotLink, SnapshotLinksResponse } from '@samverka/model';
import { useState } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage, FormAlert, TextField } from '../shell/forms.tsx';
import { Badge, Button, Skeleton, Table, useConfirm, useToast } from '../ui/index.ts';
import { snapshotsApi } from './snapshotsApi.ts';

/** The end of the chosen day (YYYY-MM-DD) in the person's time zone, as ISO 8601. */
function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString();
}

function linkState(link: SnapshotLink): 'active' | 'revoked' | 'expired' {
  if (link.revokedAt) return 'revoked';
  return link.active ? 'active' : 'expired';
}

/**
 * A snapshot's share links: make one (optionally ending on a day), copy it (the
 * address is shown this once: the server keeps only a hash of the token), see
 * every link with its state, revoke.
 */
export function ShareLinks({ snapshotId }: { snapshotId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const links = useApiResource<SnapshotLinksResponse>(snapshotsApi.linksPath(snapshotId));
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await snapshotsApi.createLink(snapshotId, expires ? endOfDay(expires) : undefined);
      setCreated(answer.url);
      links.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t('snapshots.linkCopied'));
    } catch {
      toast(t('snapshots.copyFailed'), 'error');
    }
  };
  const revoke = async (link: SnapshotLink) => {
    const ok = await confirm({
      title: t('snapshots.revokeTitle'),
      body: t('snapshots.revokeBody'),
      confirmLabel: t('snapshots.revoke'),
    });
    if (!ok) return;
    try {
      await snapshotsApi.revokeLink(snapshotId, link.id);
      toast(t('snapshots.revoked'));
      links.reload();
    } catch (e) {
      toast(errorMessage(t, e), 'error');
    }
  };

  return (
    <div className="share-links">
      <form
        className="share-link-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <FormAlert error={error} />
        <TextField
          label={t('snapshots.expires')}
          name="expiresAt"
          type="date"
          value={expires}
          onChange={setExpires}
          hint={t('snapshots.expiresHint')}
        />
        <Button type="submit" busy={busy}>
          {t('snapshots.createLink')}
        </Button>
      </form>
      {created && (
        <div className="share-link-created" role="status">
          <p>{t('snapshots.linkOnce')}</p>
          <div className="share-link-url">
            <input readOnly value={created} aria-label={t('snapshots.linkAddress')} data-testid="share-link-url" />
            <Button size="sm" variant="secondary" onClick={() => copy(created)}>
              {t('snapshots.copy')}
            </Button>
          </div>
        </div>
      )}
      {!links.data ? (
        <Skeleton lines={2} />
      ) : links.data.links.length === 0 ? (
        <p className="muted">{t('snapshots.noLinks')}</p>
      ) : (
        <Table caption={t('snapshots.links')} captionHidden testId="share-links">
          <thead>
            <tr>
              <th scope="col">{t('snapshots.linkCreated')}</th>
              <th scope="col">{t('snapshots.expires')}</th>
              <th scope="col">{t('snapshots.linkState')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('snapshots.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.data.links.map((link) => {
              const state = linkState(link);
              return (
                <tr key={link.id}>
                  <td>
                    {format.dateTime(link.createdAt)}
                    {link.createdBy && <span className="muted"> · {link.createdBy.name}</span>}
                  </td>
                  <td>{link.expiresAt ? format.dateTime(link.expiresAt) : t('snapshots.noExpiry')}</td>
                  <td>
                    <Badge tone={state === 'active' ? 'success' : 'neutral'}>{t(`snapshots.link.${state}`)}</Badge>
                  </td>
                  <td>
                    {state === 'active' && (
                      <Button size="sm" variant="danger" onClick={() => revoke(link)}>
                        {t('snapshots.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </div>
  );
}
