// Export the open conversation (Markdown or JSON) or everything, and import.
import { useRef } from 'react';
import { exportAll, exportOne, importJson, startPersistence } from '../persistence';
import { metaOf, useChatStore } from '../store';
import { downloadFile, fileNameOf } from '../ui';
import { toMarkdown } from './markdown-export';
import { SseImport } from './sse-import';
import { useHistoryUi } from './ui-store';

const note = (text: string) => useHistoryUi.setState({ note: text });

async function exportMarkdown(): Promise<void> {
  const state = useChatStore.getState();
  const meta = metaOf(state, state.activeId);
  if (meta === undefined) return;
  downloadFile(fileNameOf(meta.title, 'md'), 'text/markdown', toMarkdown(meta, Object.values(state.messages)));
}

async function exportJson(): Promise<void> {
  const state = useChatStore.getState();
  const data = await exportOne(useChatStore, startPersistence(), state.activeId);
  if (data !== null) downloadFile(fileNameOf(data.conversation.title, 'json'), 'application/json', JSON.stringify(data, null, 2));
}

async function exportEverything(): Promise<void> {
  const data = await exportAll(useChatStore, startPersistence());
  downloadFile('conversations.json', 'application/json', JSON.stringify(data, null, 2));
}

async function importFile(file: File): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    note(`${file.name} is not JSON.`);
    return;
  }
  const result = await importJson(useChatStore, startPersistence(), data);
  note('error' in result ? result.error : `Imported ${result.imported} conversation${result.imported === 1 ? '' : 's'}.`);
}

export function TransferButtons() {
  const input = useRef<HTMLInputElement>(null);
  // messageIds, not messages: this selector runs on every frame while streaming.
  const empty = useChatStore((s) => s.messageIds.length === 0);
  const message = useHistoryUi((s) => s.note);
  const button = 'rounded px-2 py-1 text-xs hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-orange-500 disabled:opacity-40 dark:hover:bg-stone-800';
  return (
    <div className="border-t border-stone-200 px-2 py-2 dark:border-stone-800">
      <div className="flex flex-wrap gap-1">
        <button type="button" className={button} disabled={empty} onClick={() => void exportMarkdown()}>
          Export Markdown
        </button>
        <button type="button" className={button} disabled={empty} onClick={() => void exportJson()}>
          Export JSON
        </button>
        <button type="button" className={button} onClick={() => void exportEverything()}>
          Export all
        </button>
        <button type="button" className={button} onClick={() => input.current?.click()}>
          Import
        </button>
        <SseImport buttonClass={button} />
      </div>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label="Import conversations from a JSON file"
        className="hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void importFile(file);
        }}
      />
      {message !== null && (
        <p role="status" className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {message}
        </p>
      )}
    </div>
  );
}
