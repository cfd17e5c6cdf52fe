// A modal dialog on the native <dialog>: showModal() makes the page behind it
// inert, Escape closes it, and the browser returns focus to what opened it.
// Tab wraps inside it (trapTab) instead of leaving for the browser's UI.
import { useEffect, useRef, type ReactNode } from 'react';
import { trapTab } from './focus-trap';

export interface ModalProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly title: string;
  /** The button that closes the dialog. */
  readonly closeLabel?: string;
  readonly width?: string;
  readonly children: ReactNode;
}

export function Modal({ open, onClose, title, closeLabel = 'Close', width = '42rem', children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      onKeyDown={trapTab}
      aria-label={title}
      style={{ width: `min(${width}, calc(100vw - 1.5rem))` }}
      className="m-auto rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      <div className="flex max-h-[85dvh] flex-col">
        <div className="flex items-center border-b border-stone-200 px-5 py-3 dark:border-stone-700">
          <h2 className="text-base font-semibold">{title}</h2>
          <button type="button" onClick={onClose} className="btn-secondary ml-auto">
            {closeLabel}
          </button>
        </div>
        <div className="flex flex-col gap-4 overflow-y-auto px-5 py-4 text-sm">{open && children}</div>
      </div>
    </dialog>
  );
}
