import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api/problem';

/**
 * Saving a draft as the person types, without losing a word of it (decision 0022).
 *
 * Every change is written to this browser's localStorage at once, under the organisation and the document, and stays
 * there until the server has confirmed a save of exactly that text. A save that fails because the network or the
 * server is down is tried again, later and later (2 s, 4 s … at most 30 s), and at once when the browser says it is
 * back online. A refusal that trying again cannot fix (400 field errors, 412 a newer version elsewhere, 403) is not
 * retried: the page shows it, and the next change is saved again. Opening the document again brings back a copy the
 * server never confirmed; when the server's version has changed since that copy was taken, the person chooses.
 */
export type AutosaveStatus = 'idle' | 'waiting' | 'saving' | 'saved' | 'retrying' | 'refused';

export interface AutosaveState {
  status: AutosaveStatus;
  /** When the server last confirmed a save (ISO), from its answer. */
  savedAt: string | null;
  /** The refusal or failure of the last attempt, for field errors and the 412 alert. */
  error: unknown;
  /** When the next attempt after a failure is due (ms since the epoch). */
  retryAt: number | null;
  /** A copy from this browser put back on opening: when it was typed. */
  restoredFrom: string | null;
  /** A copy from this browser older than the server's current version: kept until the person chooses. */
  conflict: { typedAt: string } | null;
}

interface StoredCopy<T> {
  value: T;
  /** The server's updatedAt of the version this copy was typed over. */
  base: string;
  typedAt: string;
}

export interface AutosaveOptions<T> {
  /** One key per organisation and document: "rfp:{org}:{id}". */
  storageKey: string;
  value: T;
  /** The server's version as loaded, and when it was last changed: a stored copy of the same base is simply put back. */
  serverValue: T;
  serverUpdatedAt: string;
  /** Whether the document may be saved now (a draft, by someone who may edit it). */
  enabled: boolean;
  /** Sends the value; resolves with the server's answer. */
  save: (value: T) => Promise<{ updatedAt: string }>;
  /** Puts a stored copy back into the form. */
  restore: (value: T) => void;
  /**
   * What of the value can be sent now (a half-filled price band cannot be a price list yet). The rest stays in the
   * local copy until it is complete.
   */
  sendable?: (value: T) => T;
  delayMs?: number;
}

const retryDelays = [2_000, 4_000, 8_000, 16_000, 30_000];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** The same instant, whether it was read back from the database (µs) or answered from memory (100 ns). */
const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/** A failure that may pass by itself: no answer at all (offline, a dropped connection), 5xx, 429 or 408. */
export const isPassing = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || error.status === 429 || error.status === 408 || error.status === 0;

function readCopy<T>(key: string): StoredCopy<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as StoredCopy<T>) : null;
  } catch {
    return null;
  }
}

function writeCopy<T>(key: string, copy: StoredCopy<T> | null) {
  try {
    if (copy) window.localStorage.setItem(key, JSON.stringify(copy));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or disabled storage: the server save still runs, only the local safety copy is missing.
  }
}

export function useAutosave<T>(options: AutosaveOptions<T>) {
  const { storageKey, value, enabled, delayMs = 800 } = options;
  const latest = useRef(options);
  latest.current = options;
  const [state, setState] = useState<AutosaveState>({ status: 'idle', savedAt: null, error: null, retryAt: null, restoredFrom: null, conflict: null });
  const dirty = useRef(false);
  const running = useRef(false);
  const again = useRef(false);
  const failures = useRef(0);
  const retryTimer = useRef<number | undefined>(undefined);
  const base = useRef(options.serverUpdatedAt);
  const patch = (change: Partial<AutosaveState>) => setState((current) => ({ ...current, ...change }));

  /** One save of the newest value; true when the server then holds everything typed. */
  const attempt = useCallback(async (): Promise<boolean> => {
    const { enabled: allowed, sendable, save } = latest.current;
    if (!allowed) return false;
    if (running.current) {
      again.current = true;
      return false;
    }
    window.clearTimeout(retryTimer.current);
    running.current = true;
    dirty.current = false;
    const typed = latest.current.value;
    const sent = sendable ? sendable(typed) : typed;
    let complete = false;
    patch({ status: 'saving', retryAt: null });
    try {
      const answer = await save(sent);
      failures.current = 0;
      base.current = answer.updatedAt;
      complete = !dirty.current && same(sent, typed);
      // The local copy goes only when the server holds all of it and nothing was typed meanwhile.
      if (complete) writeCopy(latest.current.storageKey, null);
      else writeCopy(latest.current.storageKey, { value: latest.current.value, base: answer.updatedAt, typedAt: new Date().toISOString() });
      patch({ status: 'saved', savedAt: answer.updatedAt, error: null });
    } catch (error) {
      dirty.current = true;
      if (isPassing(error)) {
        const delay = retryDelays[Math.min(failures.current, retryDelays.length - 1)]!;
        failures.current += 1;
        retryTimer.current = window.setTimeout(() => void attempt(), delay);
        patch({ status: 'retrying', error, retryAt: Date.now() + delay });
      } else {
        patch({ status: 'refused', error, retryAt: null });
      }
    } finally {
      running.current = false;
    }
    if (again.current) {
      again.current = false;
      if (dirty.current && latest.current.enabled) return attempt();
    }
    return complete;
  }, []);

  // On opening: a copy the server never confirmed comes back, or waits for the person's choice when it is out of date.
  useEffect(() => {
    const copy = readCopy<T>(storageKey);
    if (!copy) return;
    const { serverValue, serverUpdatedAt, restore } = latest.current;
    if (same(copy.value, serverValue)) {
      writeCopy(storageKey, null);
    } else if (sameInstant(copy.base, serverUpdatedAt)) {
      restore(copy.value);
      dirty.current = true;
      patch({ restoredFrom: copy.typedAt, status: 'waiting' });
    } else {
      patch({ conflict: { typedAt: copy.typedAt } });
    }
  }, [storageKey]);

  // Each change: into the local copy at once, to the server a moment after the last keystroke.
  useEffect(() => {
    if (!dirty.current || !enabled || state.conflict) return;
    writeCopy(storageKey, { value, base: base.current, typedAt: new Date().toISOString() });
    if (state.status === 'retrying') return; // the retry sends the newest value when it is due
    patch({ status: 'waiting' });
    const timer = window.setTimeout(() => void attempt(), delayMs);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, enabled, state.conflict]);

  // Back online: try at once rather than waiting for the next slot.
  useEffect(() => {
    const online = () => {
      if (dirty.current) void attempt();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(retryTimer.current);
    };
  }, [attempt]);

  return {
    ...state,
    /** Something on this screen that the server does not have yet: publishing or submitting would leave it out. */
    unsaved: state.status === 'waiting' || state.status === 'saving' || state.status === 'retrying' || state.status === 'refused' || state.conflict !== null,
    /** Marks the form changed by the person (a change from loading or reloading is not one). */
    touch: () => {
      dirty.current = true;
    },
    /** Saves now, before submitting: true when the server holds everything on the screen. */
    flush: async () => {
      while (running.current) await new Promise((resolve) => window.setTimeout(resolve, 50));
      return dirty.current ? attempt() : !state.conflict;
    },
    retryNow: () => void attempt(),
    /** The server's version was read again (412 "reload"): nothing of this browser's copy is kept. */
    discard: (serverUpdatedAt: string) => {
      dirty.current = false;
      base.current = serverUpdatedAt;
      window.clearTimeout(retryTimer.current);
      writeCopy(storageKey, null);
      patch({ status: 'idle', error: null, retryAt: null, restoredFrom: null, conflict: null });
    },
    /** The stored copy of an older version is put back over the server's, by choice. */
    restoreConflict: () => {
      const copy = readCopy<T>(storageKey);
      if (!copy) return;
      latest.current.restore(copy.value);
      dirty.current = true;
      patch({ conflict: null, restoredFrom: copy.typedAt, status: 'waiting' });
    },
    /** The status is shown now: restore notices are dismissed. */
    dismissRestored: () => patch({ restoredFrom: null }),
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
