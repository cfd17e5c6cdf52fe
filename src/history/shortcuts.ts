// Page-wide keys: Ctrl/Cmd+Shift+O starts a new chat; Escape stops the
// answer being streamed when focus is on the page or the composer and no
// dialog is open (Escape in a dialog, the drawer or an editor closes that
// instead).
import { useEffect } from 'react';
import { stopStreaming } from '../chat';
import { useChatStore } from '../store';
import { newChat } from './navigate';
import { useHistoryUi } from './ui-store';

function escapeStopsStreaming(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]') !== null || useHistoryUi.getState().drawerOpen) return false;
  if (!(target instanceof HTMLElement) || target === document.body) return true;
  if (target.matches('textarea[aria-label="Message"]')) return true;
  return !target.matches('input, textarea, select, [contenteditable="true"]');
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key.toLowerCase() === 'o' && event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        void newChat();
        return;
      }
      if (event.key === 'Escape' && useChatStore.getState().turnActive && escapeStopsStreaming(event.target)) {
        event.preventDefault();
        stopStreaming();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
