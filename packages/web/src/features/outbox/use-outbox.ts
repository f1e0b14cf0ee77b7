import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { listOutbox, type OutboxEntry, onOutboxChange, outboxUser } from './outbox.ts';
import { startOutboxSender } from './sender.ts';

/** The signed-in person's outbox as the screen shows it; starts the sender, and refreshes the patrol data as entries go. */
export function useOutbox(): { loaded: boolean; pending: OutboxEntry[]; rejected: OutboxEntry[] } {
  const queryClient = useQueryClient();
  // null until read from the device: "0 waiting" before that would be a false all-clear.
  const [entries, setEntries] = useState<OutboxEntry[] | null>(null);
  const count = useRef(0);
  useEffect(() => {
    startOutboxSender();
    let alive = true;
    const load = () =>
      void listOutbox().then((all) => {
        if (!alive) return;
        const xs = all.filter((e) => e.userId === outboxUser());
        if (xs.length < count.current) void queryClient.invalidateQueries({ queryKey: ['patrol'] });
        count.current = xs.length;
        setEntries(xs);
      });
    load();
    const off = onOutboxChange(load);
    return () => {
      alive = false;
      off();
    };
  }, [queryClient]);
  const all = entries ?? [];
  return {
    loaded: entries !== null,
    pending: all.filter((e) => !e.rejected),
    rejected: all.filter((e) => e.rejected),
  };
}
