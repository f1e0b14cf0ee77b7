import { useTranslation } from 'react-i18next';
import type { User } from '../../../app/types.ts';
import { PhoneReveal } from '../../../features/phone/PhoneReveal.tsx';

/** A user's number, masked; revealing it is a managing act (GET /api/users/:id/phone, audited). */
export function PhoneCell({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <PhoneReveal
      masked={user.phoneMasked}
      url={`/api/users/${user.id}/phone`}
      permission="user.manage"
      label={t('users.showPhone')}
    />
  );
}
