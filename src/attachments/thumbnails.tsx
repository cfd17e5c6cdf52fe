import { dataUrl, type Attachment } from './attachment';

/** Thumbnails of attachments; with `onRemove` each has a remove button (composer). */
export function AttachmentThumbnails({ attachments, onRemove }: { readonly attachments: readonly Attachment[]; readonly onRemove?: (id: string) => void }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.id} data-attachment={a.kind} className="relative flex items-center gap-2 rounded-lg border border-stone-300 bg-white p-1 pr-2 text-xs dark:border-stone-600 dark:bg-stone-900">
          {a.kind === 'image' ? (
            <img src={dataUrl(a)} alt={a.name} className="h-12 w-12 rounded object-cover" />
          ) : (
            <span aria-hidden className="flex h-12 w-10 items-center justify-center rounded bg-red-100 font-semibold text-red-800 dark:bg-red-950 dark:text-red-300">
              PDF
            </span>
          )}
          <span className="max-w-40 truncate" title={a.name}>
            {a.name}
          </span>
          {onRemove !== undefined && (
            <button type="button" aria-label={`Remove ${a.name}`} onClick={() => onRemove(a.id)} className="rounded px-1 text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-stone-300 dark:hover:bg-stone-700">
              ✕
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
