import { useEffect, useState } from 'react';
import { applyTheme, followSystemTheme, nextTheme, readThemeChoice, type ThemeChoice } from './theme';

const LABELS: Readonly<Record<ThemeChoice, string>> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles System -> Light -> Dark; the button's name says the current theme. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  useEffect(() => followSystemTheme(() => choice), [choice]);
  return (
    <button
      type="button"
      className="btn-secondary"
      aria-label={`Theme: ${LABELS[choice]}`}
      title="Switch theme (system, light, dark)"
      onClick={() => {
        const next = nextTheme(choice);
        applyTheme(next);
        setChoice(next);
      }}
    >
      <ThemeIcon choice={choice} />
    </button>
  );
}

function ThemeIcon({ choice }: { readonly choice: ThemeChoice }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-none stroke-current stroke-2">
      {choice === 'light' && (
        <>
          <circle cx="10" cy="10" r="3.5" />
          <path d="M10 1.5v2M10 16.5v2M1.5 10h2M16.5 10h2M4 4l1.4 1.4M14.6 14.6L16 16M4 16l1.4-1.4M14.6 5.4L16 4" strokeLinecap="round" />
        </>
      )}
      {choice === 'dark' && <path d="M15.5 12.5A6.5 6.5 0 0 1 7.5 4.5a6.5 6.5 0 1 0 8 8z" strokeLinejoin="round" />}
      {choice === 'system' && (
        <>
          <circle cx="10" cy="10" r="7" />
          <path d="M10 3a7 7 0 0 1 0 14z" className="fill-current" />
        </>
      )}
    </svg>
  );
}
