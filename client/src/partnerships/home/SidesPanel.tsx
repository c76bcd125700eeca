import { type Member, type MembersResponse, SIDES, type Side } from '@samverka/model';
import { useApiResource } from '../../api/useApiResource.ts';
import { useFormat } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { Badge, Panel, Skeleton } from '../../ui/index.ts';
import { usePartnership } from '../PartnershipContext.tsx';

/** Both sides of the partnership, each with its organisation and its people. */
export function SidesPanel() {
  const { t } = useI18n();
  const format = useFormat();
  const { partnership, abilities } = usePartnership();
  const members = useApiResource<MembersResponse>(`/api/partnerships/${partnership.id}/members`);
  const organisation: Record<Side, string> = {
    university: partnership.universityName,
    partner: partnership.partnerName,
  };
  const bySide = (side: Side): Member[] => members.data?.members.filter((m) => m.side === side) ?? [];
  return (
    <Panel
      title={t('home.sides')}
      className="sides-panel"
      action={
        abilities.manageMembers ? <Link to={`/p/${partnership.id}/members`}>{t('home.invitePeople')}</Link> : undefined
      }
    >
      {!members.data ? (
        <Skeleton lines={4} />
      ) : (
        <div className="sides">
          {SIDES.map((side) => {
            const people = bySide(side);
            return (
              <div key={side} className="side">
                <h3>
                  <span className="side-label">{t(`side.${side}`)}</span> {organisation[side]}
                </h3>
                <p className="muted">{format.plural('people', people.length)}</p>
                {people.length === 0 ? (
                  <p className="muted">{t('home.noPeople')}</p>
                ) : (
                  <ul className="people">
                    {people.map((person) => (
                      <li key={person.userId}>
                        <span className="person-name">{person.name}</span> <Badge>{t(`role.${person.role}`)}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
    </Panel>
  );
}
