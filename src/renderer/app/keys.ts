// Decides whether a key press is the app's to handle or belongs to a form field.

/** True when the event comes from a field the user types into (the document view excepted). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input, textarea, select, [data-no-hotkeys]') !== null;
}
