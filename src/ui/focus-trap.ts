// Keeps Tab inside an open drawer or dialog. A native modal <dialog> makes the
// page behind it inert, but Chromium still lets Tab leave the last control for
// the browser's own UI (focus lands on <body>); wrapping here keeps keyboard
// users in the dialog until they close it.
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** For the container's onKeyDown: Tab from the last control goes to the first, Shift+Tab from the first to the last. */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const container = event.currentTarget;
  const controls = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0 && element.closest('[inert]') === null);
  const first = controls[0];
  const last = controls.at(-1);
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  const inside = active !== null && container.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}
