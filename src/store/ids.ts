// Ids are unique across tabs: two tabs write to the same database, so a
// per-tab random part keeps their messages from ever sharing a key.
const TAB_PART = Math.random().toString(36).slice(2, 8);
let counter = 0;

export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${TAB_PART}-${counter}`;
}
