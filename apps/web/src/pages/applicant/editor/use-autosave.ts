// Autosave of a draft: a versioned PATCH about a second after typing stops. Nothing typed is lost:
// - the edits not yet acknowledged are kept in localStorage (per application) until the server has them;
// - a 412 (someone saved a newer version elsewhere) stops saving and keeps the local edits; `reload`
//   loads the server's version and offers the edits back (`pending`) to be re-applied on top of it;
// - a network failure or 5xx is retried with a growing pause.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Application, DraftFields } from '@konkurs/shared';
import { applicationQuery, saveApplication } from '../../../api/applications';
import { ApiError } from '../../../api/client';
import { useQueryClient } from '@tanstack/react-query';

export type FieldKey = keyof DraftFields;
export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'offline'; error: ApiError; retryInMs: number }
  | { kind: 'rejected'; error: ApiError }
  | { kind: 'conflict' };

/** Edits made on this device that the server has not acknowledged. */
export type PendingEdits = { baseVersion: number; fields: DraftFields };

const backupKey = (id: string) => `konkurs.draft.${id}`;

function readBackup(id: string): PendingEdits | null {
  try {
    const raw = localStorage.getItem(backupKey(id));
    const parsed = raw ? (JSON.parse(raw) as PendingEdits) : null;
    return parsed && Object.keys(parsed.fields ?? {}).length > 0 ? parsed : null;
  } catch {
    return null;
  }
}
function writeBackup(id: string, edits: PendingEdits | null) {
  try {
    if (edits && Object.keys(edits.fields).length) localStorage.setItem(backupKey(id), JSON.stringify(edits));
    else localStorage.removeItem(backupKey(id));
  } catch {
    /* storage full or unavailable: the in-memory edits still stand */
  }
}

export function draftFieldsOf(a: Application): DraftFields {
  const { title, directionCode, summary, relevance, goal, tasks, targetGroups, geographyRegionCodes, startDate, endDate, team, calendarPlan, budget } = a;
  return { title, directionCode, summary, relevance, goal, tasks, targetGroups, geographyRegionCodes, startDate, endDate, team, calendarPlan, budget };
}

const pick = (fields: DraftFields, keys: Iterable<FieldKey>): DraftFields => Object.fromEntries([...keys].map((k) => [k, fields[k]]));

export function useAutosave(application: Application, { delayMs = 1000 }: { delayMs?: number } = {}) {
  const id = application.id;
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<DraftFields>(() => draftFieldsOf(application));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  // Edits found on this device from an earlier visit, or kept across a reload after a conflict.
  const [pending, setPending] = useState<PendingEdits | null>(() => readBackup(id));

  const fieldsRef = useRef(fields);
  const versionRef = useRef(application.version);
  const dirty = useRef(new Set<FieldKey>());
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retries = useRef(0);
  const stopped = useRef(false); // a conflict stops saving until the user reloads

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (inFlight.current) return inFlight.current;
    if (stopped.current || dirty.current.size === 0) return;
    const keys = [...dirty.current];
    const sent = pick(fieldsRef.current, keys);
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const saved = await saveApplication(id, versionRef.current, sent);
        versionRef.current = saved.version;
        retries.current = 0;
        queryClient.setQueryData(applicationQuery(id).queryKey, saved);
        // A field typed into again while this save was on its way stays dirty.
        for (const k of keys) if (fieldsRef.current[k] === sent[k]) dirty.current.delete(k);
        if (dirty.current.size === 0) {
          writeBackup(id, null);
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
  }, [id, delayMs, queryClient]);

  const setField = useCallback(
    <K extends FieldKey>(key: K, value: DraftFields[K]) => {
      fieldsRef.current = { ...fieldsRef.current, [key]: value };
      setFields(fieldsRef.current);
      dirty.current.add(key);
      writeBackup(id, { baseVersion: versionRef.current, fields: pick(fieldsRef.current, dirty.current) });
      if (stopped.current) return;
      setStatus({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delayMs);
    },
    [id, delayMs, save],
  );

  /** Saves now and tells whether everything typed is on the server (before a submit). */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5 && dirty.current.size > 0 && !stopped.current; i++) await save();
    if (inFlight.current) await inFlight.current;
    return dirty.current.size === 0;
  }, [save]);

  /** After a conflict: load the server's version; the unsaved edits become `pending`, to be re-applied or dropped. */
  const reload = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current.catch(() => {});
    const mine = pick(fieldsRef.current, dirty.current);
    const fresh = await queryClient.fetchQuery({ ...applicationQuery(id), staleTime: 0 });
    versionRef.current = fresh.version;
    fieldsRef.current = draftFieldsOf(fresh);
    setFields(fieldsRef.current);
    dirty.current.clear();
    stopped.current = false;
    const kept = Object.keys(mine).length ? { baseVersion: fresh.version, fields: mine } : null;
    setPending(kept);
    writeBackup(id, kept);
    setStatus({ kind: 'saved', at: null });
  }, [id, queryClient]);

  const applyPending = useCallback(() => {
    if (!pending) return;
    setPending(null);
    for (const [k, v] of Object.entries(pending.fields)) setField(k as FieldKey, v as never);
  }, [pending, setField]);

  const discardPending = useCallback(() => {
    setPending(null);
    if (dirty.current.size === 0) writeBackup(id, null);
  }, [id]);

  // Leaving the editor: send what is left (the backup covers a failure), and warn before closing the tab.
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
