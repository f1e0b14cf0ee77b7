/**
 * The level in force, on every staff screen (issue: "the active level is visible everywhere"),
 * and for those who confirm, how many proposals wait. Nothing shows when nothing is in force.
 */
import { responseLevelLabels } from '@warmline/domain';
import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useLang } from '../../i18n/index.ts';
import { useResponseStatus } from './hooks.ts';
import { levelColour } from './level.ts';

export function ResponseBanner() {
  const { can } = useAuth();
  const { t } = useTranslation();
  const { key } = useLang();
  const navigate = useNavigate();
  const status = useResponseStatus(can('response.read')).data;
  const top = status?.active[0];
  const waiting = status && can('response.manage') ? status.openProposals : 0;
  if (!top && !waiting) return null;
  const text = [
    top &&
      t('response.banner.active', {
        region: top.regionName,
        level: responseLevelLabels[top.level][key],
        since: dayjs(top.activatedAt).format('MM-DD HH:mm'),
      }),
    waiting ? t('response.banner.proposals', { count: waiting }) : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Alert
      type={top ? 'error' : 'warning'}
      showIcon
      banner
      data-testid="response-banner"
      data-level={top?.level ?? ''}
      style={top ? { borderLeft: `6px solid ${levelColour[top.level]}` } : undefined}
      message={text}
      action={
        can('response.read') && (
          <Button size="small" type="link" onClick={() => navigate('/response')}>
            {t('response.banner.open')}
          </Button>
        )
      }
    />
  );
}
