/** The frame of every supplies dialog: the app's form frame, a shortage spelt out in the refusal. */
import { ModalFrame, type ModalFrameProps } from '../../app/ModalFrame.tsx';
import { useLang } from '../../i18n/index.ts';
import { refusalText } from './mutation.ts';

export function SupplyModal(props: Omit<ModalFrameProps, 'describeError'>) {
  const { key } = useLang();
  return <ModalFrame {...props} describeError={(e) => refusalText(e, key)} />;
}
