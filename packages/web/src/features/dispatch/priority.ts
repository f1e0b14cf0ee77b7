import { leadPriority } from '@warmline/domain';

/** Map colours by who may be in danger: minors, the ill or distressed, the elderly, others. */
export const priorityColors = ['#c41d7f', '#cf1322', '#d46b08', '#1677ff'] as const;
export const priorityKeys = ['minor', 'urgent', 'elderly', 'other'] as const;

export const priorityColor = (descriptors: readonly string[]) => priorityColors[leadPriority(descriptors)]!;

export const teamColors = {
  available: '#389e0d',
  en_route: '#0958d9',
  on_scene: '#722ed1',
  off_duty: '#8c8c8c',
} as const;
