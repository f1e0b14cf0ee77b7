import { pinyin } from 'pinyin-pro';

/** 王建国 → { full: 'wangjianguo', initials: 'wjg' }: how a patrol types a name it heard. */
export function namePinyin(name: string | null | undefined): {
  full: string | null;
  initials: string | null;
} {
  if (!name) return { full: null, initials: null };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  if (syllables.length === 0) return { full: null, initials: null };
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}
