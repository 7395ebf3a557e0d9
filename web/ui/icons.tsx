/** Small inline icons; always decorative (aria-hidden) — the text next to them carries the meaning. */
interface IconProps {
  size?: number;
}

export function WarningIcon({ size = 20 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
      <path
        fill="currentColor"
        d="M10 1.5 19 18H1L10 1.5Zm0 4.2L4.4 16h11.2L10 5.7Zm-1 3.3h2v4H9V9Zm0 5h2v2H9v-2Z"
      />
    </svg>
  );
}

export function CheckIcon({ size = 20 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
      <path fill="currentColor" d="M7.8 13.6 3.9 9.7 2.5 11.1l5.3 5.3L17.5 6.7l-1.4-1.4-8.3 8.3Z" />
    </svg>
  );
}

export function InfoIcon({ size = 20 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
      <path
        fill="currentColor"
        d="M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18Zm0 2a7 7 0 1 0 0 14 7 7 0 0 0 0-14Zm-1 6h2v6H9V9Zm0-4h2v2H9V5Z"
      />
    </svg>
  );
}

export function CloseIcon({ size = 20 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="icon">
      <path
        fill="currentColor"
        d="m10 8.6 5.3-5.3 1.4 1.4-5.3 5.3 5.3 5.3-1.4 1.4-5.3-5.3-5.3 5.3-1.4-1.4 5.3-5.3-5.3-5.3 1.4-1.4L10 8.6Z"
      />
    </svg>
  );
}

export function FlameIcon({ size = 28 }: IconProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="icon">
      <path
        d="M16 3c3.9 4.6 6.7 8.2 6.7 12.2a6.7 6.7 0 0 1-13.4 0C9.3 11.2 12.1 7.6 16 3Z"
        fill="var(--color-brand)"
      />
      <path d="M16 11c1.9 2.2 3.3 4 3.3 5.9a3.3 3.3 0 0 1-6.6 0c0-1.9 1.4-3.7 3.3-5.9Z" fill="#fff4d6" />
      <rect x="10.5" y="25" width="11" height="3.4" rx="1.7" fill="var(--color-brand)" />
    </svg>
  );
}
