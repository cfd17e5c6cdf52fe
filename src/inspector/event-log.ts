// An answer's stream record, for the inspector and the usage panel: read from
// where the stream runs while it is live, else from storage, and only when
// something asks (a long answer's record is megabytes).
import { useEffect, useState } from 'react';
import { currentConnection } from '../persistence';
import type { StreamRecord } from '../record';
import { useChatStore } from '../store';

export type RecordState = { readonly kind: 'loading' } | { readonly kind: 'missing' } | { readonly kind: 'ready'; readonly record: StreamRecord };

/** Reads the record of `messageId` when `active`, and again whenever `version` changes (the stream moved on). */
export function useStreamRecord(messageId: string, active: boolean, version: string): RecordState {
  const log = useChatStore((s) => s.streamLogs[messageId]);
  const conversationId = useChatStore((s) => s.activeId);
  const [state, setState] = useState<RecordState>({ kind: 'loading' });
  useEffect(() => {
    if (!active) return;
    let current = true;
    // The connection reads a live record where its stream runs, a finished one from storage.
    const read = currentConnection()?.loadRecord(conversationId, messageId) ?? log?.read() ?? Promise.resolve(null);
    void read.then((record) => {
      if (current) setState(record === null ? { kind: 'missing' } : { kind: 'ready', record });
    });
    return () => {
      current = false;
    };
  }, [active, log, conversationId, messageId, version]);
  return active ? state : { kind: 'loading' };
}
