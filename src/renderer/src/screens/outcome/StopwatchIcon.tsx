/** Drawn, not a character: a stopwatch glyph is missing from many system fonts. */
export function StopwatchIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="60"
      height="60"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
    >
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l2.5 2M9.5 2.5h5" />
    </svg>
  );
}
