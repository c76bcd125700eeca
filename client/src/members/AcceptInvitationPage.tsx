import type { AcceptInvitationResponse, InvitationPreviewResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useNavigate, useParams } from '../router/router.tsx';
import { Card, errorMessage, FormAlert } from '../shell/forms.tsx';
import { Button, ButtonLink, Skeleton } from '../ui/index.ts';

/** A used, expired, revoked or garbled link: say which, and offer the way on. */
function UnusableInvitation({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <Card title={t('invitation.unusableHeading')}>
      <p role="alert">{errorMessage(t, error)}</p>
      <p>{user ? t('invitation.askOwner') : t('invitation.usedSignedOut')}</p>
      <p className="actions">
        {user ? (
          <ButtonLink to="/p">{t('invitation.goToPartnerships')}</ButtonLink>
        ) : (
          <ButtonLink to="/login">{t('nav.login')}</ButtonLink>
        )}
      </p>
    </Card>
  );
}

/** `/invite/:token`: what the link invites to; sign up or log in, then accept. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const preview = useApiResource<InvitationPreviewResponse>(`/api/invitations/${encodeURIComponent(token)}`);
  const [error, setError] = useState<unknown>();
  const invitation = preview.data;

  if (preview.error) return <UnusableInvitation error={preview.error} />;
  if (!invitation || user === undefined) return <Skeleton />;

  const here = `/invite/${encodeURIComponent(token)}`;
  // The token rides along to sign-up: an invitation lets its invitee in whatever the sign-up policy.
  const query = `?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}&invitation=${encodeURIComponent(token)}`;
  const details = t('invitation.details', {
    role: t(`role.${invitation.role}`).toLowerCase(),
    side: t(`side.${invitation.side}`).toLowerCase(),
    email: invitation.email,
  });

  async function accept() {
    setError(undefined);
    try {
      const res = await api.post<AcceptInvitationResponse>(`/api/invitations/${encodeURIComponent(token)}/accept`);
      navigate(`/p/${res.partnershipId}`, { replace: true });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Card title={t('invitation.heading', { partnership: invitation.partnershipName })}>
      <p>{details}</p>
      <FormAlert error={error} />
      {user === null && (
        <>
          <p>{t('invitation.signUpFirst', { email: invitation.email })}</p>
          <p className="actions">
            <ButtonLink to={`/signup${query}`}>{t('nav.signup')}</ButtonLink>
            <Link to={`/login${query}`}>{t('nav.login')}</Link>
          </p>
        </>
      )}
      {user && user.email !== invitation.email && (
        <p className="notice">{t('invitation.wrongAccount', { email: user.email })}</p>
      )}
      {user && user.email === invitation.email && <Button onClick={accept}>{t('invitation.accept')}</Button>}
    </Card>
  );
}
