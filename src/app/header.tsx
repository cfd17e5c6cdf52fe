import { lazy, Suspense, useState } from 'react';
import { useChatStore } from '../store';
import { Modal } from '../ui';
import { ConversationCost, RateLimitIndicator } from '../usage';
import { ModelSelect } from './model-select';
import { ThemeToggle } from './theme-toggle';

/** Loaded when first opened (it is most of the settings code): the first answer does not wait for it. */
const SettingsDialog = lazy(() =>
  import('./settings-dialog').then(
    (module) => ({ default: module.SettingsDialog }),
    () => ({ default: SettingsUnavailable }),
  ),
);

/** What opens instead when the settings code cannot load (the app was updated while the page was open, or the network is gone). */
function SettingsUnavailable({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title="Conversation settings">
      <p role="alert">The settings could not load: the app may have been updated. Reload the page to open them.</p>
    </Modal>
  );
}

export function Header() {
  const mode = useChatStore((s) => s.mode);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settingsUsed, setSettingsUsed] = useState(false);
  return (
    <header className="flex min-w-0 items-center gap-2 border-b border-stone-200 px-3 py-2.5 sm:gap-3 sm:px-4 dark:border-stone-800">
      <h1 className="truncate text-base font-semibold tracking-tight">
        Claude<span className="hidden sm:inline"> Stream Chat</span>
      </h1>
      {mode === 'simulator' && (
        <span
          data-testid="simulator-badge"
          title="No ANTHROPIC_API_KEY is set: answers come from the built-in simulator, not from Claude."
          className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
        >
          Simulator
        </span>
      )}
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <RateLimitIndicator />
        <span className="hidden md:inline">
          <ConversationCost />
        </span>
        {/* On a phone the model is chosen in Settings. */}
        <span className="hidden sm:inline">
          <ModelSelect label="Model" />
        </span>
        <button
          type="button"
          onClick={() => {
            setSettingsUsed(true);
            setSettingsOpen(true);
          }}
          className="btn-secondary"
        >
          Settings
        </button>
        <ThemeToggle />
      </div>
      {settingsUsed && (
        <Suspense fallback={null}>
          <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
    </header>
  );
}
