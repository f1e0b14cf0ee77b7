/**
 * A register-or-edit form's save: PUT when editing, POST when new; on success a message, the
 * screen's lists refetched (the live stream would do it a moment later) and the form closed.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from './api.ts';

export function useSaveRecord<V, B, O>(options: {
  /** `/api/hotspots`: POST there, PUT to `${path}/${id}`. */
  path: string;
  id: string | null;
  body: (values: V) => B;
  done: { created: string; saved: string };
  queryKey: QueryKey;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: V) =>
      options.id
        ? api.put<O>(`${options.path}/${options.id}`, options.body(values))
        : api.post<O>(options.path, options.body(values)),
    onSuccess: () => {
      message.success(options.id ? options.done.saved : options.done.created);
      void queryClient.invalidateQueries({ queryKey: options.queryKey });
      options.onDone();
    },
  });
}
