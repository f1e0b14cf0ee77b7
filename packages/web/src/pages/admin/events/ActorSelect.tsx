import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../app/api.ts';
import type { Page, User } from '../../../app/types.ts';

/** Find the person who acted, by username or name (GET /api/users?q=). */
export function ActorSelect({
  value,
  onChange,
  placeholder,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  placeholder: string;
}) {
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['users', { q, pageSize: 20, for: 'actor' }],
    queryFn: () => api.get<Page<User>>('/api/users', { q, page: 1, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      allowClear
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={{ width: 200 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      data-testid="events-actor-filter"
      options={(users.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName}（${u.username}）`,
      }))}
    />
  );
}
