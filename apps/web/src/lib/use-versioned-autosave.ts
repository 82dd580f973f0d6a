// Autosave of a versioned document (the applicant's draft, the expert's review): a save about a second after
// typing stops, sent with the version it was based on. Nothing typed is lost:
// - the edits not yet acknowledged are kept in localStorage (under the caller's key) until the server has them,
//   and offered back on the next visit unless the server already holds the same;
// - a 412 (someone saved a newer version elsewhere) stops saving and keeps the local edits; `reload` loads the
//   server's version and offers the edits back (`pending`) to be re-applied on top of it;
// - a network failure, 429 or 5xx is retried with a growing pause; any other refusal is shown (`rejected`);
// - closing the tab with unsaved edits is warned about (beforeunload); leaving the screen sends what is left.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline'; error: ApiError; retryInMs: number }
  | { kind: 'rejected'; error: ApiError }
  | { kind: 'conflict' };

/** Edits made on this device that the server has not acknowledged. */
export type PendingEdits<F> = { baseVersion: number | undefined; fields: Partial<F> };

/** Edits that are neither saved nor on their way to the server (what a warning before leaving asks about). */
export const hasUnsavedChanges = (status: SaveStatus) => status.kind !== 'saved' && status.kind !== 'saving';

export type VersionedAutosaveOptions<F extends object, V extends number | undefined> = {
  /** The localStorage key of this document's local copy (`konkurs.draft.<id>`). */
  storageKey: string;
  /** The server's fields and version, read on the first render only. */
  initial: () => F;
  version: V;
  /** Sends the changed fields (`all`: every field, for a PUT) based on `version`; resolves with the new version. */
  send: (version: V, changed: Partial<F>, all: F) => Promise<{ version: V }>;
  /** Reads the server's newest fields and version (after a 412). */
  load: () => Promise<{ fields: F; version: V }>;
  delayMs?: number;
  /** A document that can no longer change (submitted): nothing is saved and its local copy is dropped. */
  readOnly?: boolean;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readBackup<F>(key: string): PendingEdits<F> | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as PendingEdits<F>) : null;
    return parsed && Object.keys(parsed.fields ?? {}).length > 0 ? parsed : null;
  } catch {
    return null;
  }
}
function writeBackup<F>(key: string, edits: PendingEdits<F> | null) {
  try {
    if (edits && Object.keys(edits.fields).length) localStorage.setItem(key, JSON.stringify(edits));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or unavailable: the in-memory edits still stand */
  }
}

/** The local copy found on opening, unless the server already holds every edit in it (or nothing may change). */
function offeredBackup<F extends object>(key: string, server: F, readOnly: boolean): PendingEdits<F> | null {
  const found = readBackup<F>(key);
  const differs = found && Object.entries(found.fields).some(([k, v]) => !same(v, server[k as keyof F]));
  if (found && (!differs || readOnly)) writeBackup(key, null);
  return differs && !readOnly ? found : null;
}

export function useVersionedAutosave<F extends object, V extends number | undefined>(options: VersionedAutosaveOptions<F, V>) {
  type Key = keyof F;
  const { storageKey: key, delayMs = 1000, readOnly = false } = options;
  const io = useRef(options);
  io.current = options;
  const [fields, setFields] = useState<F>(options.initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  // Edits found on this device from an earlier visit, or kept across a reload after a conflict.
  const [pending, setPending] = useState<PendingEdits<F> | null>(() => offeredBackup(key, fields, readOnly));

  const fieldsRef = useRef(fields);
  const versionRef = useRef<V>(options.version);
  const dirty = useRef(new Set<Key>());
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retries = useRef(0);
  const stopped = useRef(false); // a conflict stops saving until the user reloads

  const pick = (from: F, keys: Iterable<Key>) => Object.fromEntries([...keys].map((k) => [k, from[k]])) as Partial<F>;

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) return inFlight.current;
    if (stopped.current || readOnly || dirty.current.size === 0) return;
    const keys = [...dirty.current];
    const all = fieldsRef.current;
    const sent = pick(all, keys);
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await io.current.send(versionRef.current, sent, all);
        versionRef.current = saved.version;
        retries.current = 0;
        // A field typed into again while this save was on its way stays dirty.
        for (const k of keys) if (fieldsRef.current[k] === sent[k]) dirty.current.delete(k);
        if (dirty.current.size === 0) {
          writeBackup(key, null);
          setStatus({ kind: 'saved', at: new Date() });
        } else {
          setStatus({ kind: 'dirty' });
          timer.current = setTimeout(() => void save(), delayMs);
        }
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
        if (error.status === 412) {
          stopped.current = true;
          setStatus({ kind: 'conflict' });
        } else if (error.status === 0 || error.status >= 500 || error.status === 429) {
          const retryInMs = Math.min(30_000, 2000 * 2 ** retries.current++);
          setStatus({ kind: 'offline', error, retryInMs });
          timer.current = setTimeout(() => void save(), retryInMs);
        } else {
          setStatus({ kind: 'rejected', error });
        }
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run;
  }, [key, delayMs, readOnly]);

  const setField = useCallback(
    <K extends Key>(k: K, value: F[K]) => {
      if (readOnly) return;
      fieldsRef.current = { ...fieldsRef.current, [k]: value };
      setFields(fieldsRef.current);
      dirty.current.add(k);
      writeBackup(key, { baseVersion: versionRef.current, fields: pick(fieldsRef.current, dirty.current) });
      if (stopped.current) return;
      setStatus({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delayMs);
    },
    [key, delayMs, save, readOnly],
  );

  /** Saves now and tells whether everything typed is on the server (before a submit). */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5 && dirty.current.size > 0 && !stopped.current; i++) await save();
    if (inFlight.current) await inFlight.current;
    return dirty.current.size === 0;
  }, [save]);

  /** After a conflict: load the server's version; the unsaved edits become `pending`, to be re-applied or dropped. */
  const reload = useCallback(async (): Promise<F> => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current.catch(() => {});
    const mine = pick(fieldsRef.current, dirty.current);
    const fresh = await io.current.load();
    versionRef.current = fresh.version;
    fieldsRef.current = fresh.fields;
    setFields(fresh.fields);
    dirty.current.clear();
    stopped.current = false;
    const kept = Object.keys(mine).length ? { baseVersion: fresh.version, fields: mine } : null;
    setPending(kept);
    writeBackup(key, kept);
    setStatus({ kind: 'saved', at: null });
    return fresh.fields;
  }, [key]);

  /** Puts the pending edits back into the fields (and saves them); returns the fields with them applied. */
  const applyPending = useCallback((): F => {
    if (!pending) return fieldsRef.current;
    setPending(null);
    for (const [k, v] of Object.entries(pending.fields)) setField(k as Key, v as F[Key]);
    return fieldsRef.current;
  }, [pending, setField]);

  const discardPending = useCallback(() => {
    setPending(null);
    if (dirty.current.size === 0) writeBackup(key, null);
  }, [key]);

  // Leaving the screen: send what is left (the local copy covers a failure), and warn before closing the tab.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
      if (dirty.current.size > 0 && !stopped.current) void save();
    };
  }, [save]);

  return { fields, setField, status, version: versionRef.current, save, flush, reload, pending, applyPending, discardPending, isConflict: status.kind === 'conflict' };
}
