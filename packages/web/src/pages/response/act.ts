/** The response acts: confirm or dismiss a proposal, mark a task done; every list refetched after. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../app/api.ts';
import { errorText } from '../../app/errors.ts';
import { useLang } from '../../i18n/index.ts';

export function useResponseAct<B>(path: (id: string) => string, done: string, onDone?: () => void) {
  const { key } = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body?: B }) => api.post<unknown>(path(id), body ?? {}),
    onSuccess: () => {
      message.success(done);
      void queryClient.invalidateQueries({ queryKey: ['response'] });
      onDone?.();
    },
    onError: (e) => message.error(errorText(e, key)),
  });
}
