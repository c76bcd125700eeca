import { type Acknowledgement, SIDES } from '@samverka/model';
import { useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { errorMessage } from '../shell/forms.tsx';
import { Button, useToast } from '../ui/index.ts';
import { announceSnapshotsChanged, snapshotsApi } from './snapshotsApi.ts';

/** "Reviewed by", per side: each person's name and when they acknowledged. */
export function AcknowledgementList({ acknowledgements }: { acknowledgements: Acknowledgement[] }) {
  const { t } = useI18n();
  const format = useFormat();
  const { partnership } = usePartnership();
  const sideName = { university: partnership.universityName, partner: partnership.partnerName };
  return (
    <div className="snapshot-acks" data-testid="snapshot-acks">
      {SIDES.map((side) => {
        const mine = acknowledgements.filter((ack) => ack.side === side);
        return (
          <section key={side} aria-label={t('snapshots.ackSide', { side: sideName[side] })}>
            <h3>{t('snapshots.ackSide', { side: sideName[side] })}</h3>
            {mine.length === 0 ? (
              <p className="muted">{t('snapshots.ackNone')}</p>
            ) : (
              <ul>
                {mine.map((ack) => (
                  <li key={`${ack.userId ?? ack.name}-${ack.acknowledgedAt}`}>
                    {t('snapshots.ackBy', {
                      name: ack.name,
                      side: sideName[ack.side],
                      time: format.dateTime(ack.acknowledgedAt),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The Acknowledge button, for members who may and have not yet. */
export function AcknowledgeButton(props: { snapshotId: string; acknowledgements: Acknowledgement[]; onDone?(): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const { user } = useAuth();
  const { abilities } = usePartnership();
  const [busy, setBusy] = useState(false);
  if (!abilities.acknowledgeSnapshot) return null;
  if (props.acknowledgements.some((ack) => ack.userId === user?.id)) {
    return <p className="muted">{t('snapshots.ackDone')}</p>;
  }
  const acknowledge = async () => {
    setBusy(true);
    try {
      await snapshotsApi.acknowledge(props.snapshotId);
      toast(t('snapshots.ackSaved'));
      announceSnapshotsChanged();
      props.onDone?.();
    } catch (error) {
      toast(errorMessage(t, error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="sm" busy={busy} onClick={acknowledge}>
      {t('snapshots.acknowledge')}
    </Button>
  );
}
