import { colors } from './theme.ts';

/** The mark: a warm line under a small light, on winter blue. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill={colors.primary} />
      <path
        d="M10 40c8-10 16-10 22 0s14 10 22 0"
        fill="none"
        stroke="#ffb35c"
        strokeWidth="6"
        strokeLinecap="round"
      />
      <circle cx="32" cy="22" r="6" fill="#fff" />
    </svg>
  );
}
