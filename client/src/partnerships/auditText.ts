import type { AuditEvent } from '@samverka/model';
import type { MessageKey } from '../i18n/areas.ts';
import { isMessageKey, type Translate } from '../i18n/i18n.tsx';

/** Detail values that name a role, side or phase are shown in the reader's language. */
export function describeAuditDetails(event: AuditEvent, t: Translate): string {
  const translated = (value: string) => {
    const key = ['role', 'side', 'phase'].map((prefix) => `${prefix}.${value}`).find(isMessageKey);
    return key ? t(key as MessageKey) : value;
  };
  return Object.values(event.details)
    .filter((value) => value !== null && value !== '')
    .map((value) => translated(String(value)))
    .join(' · ');
}

/** Who did it: their name (and side), or "a deleted account". */
export function describeAuditActor(event: AuditEvent, t: Translate): string {
  if (!event.actor) return t('audit.deletedAccount');
  return event.actor.side ? `${event.actor.name} · ${t(`side.${event.actor.side}`)}` : event.actor.name;
}
