"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus =
  | { state: "saved"; at: Date | null }
  | { state: "dirty" }
  | { state: "saving" }
  | { state: "error"; error: string; fieldErrors?: Record<string, string[]> };

export type SaveResult =
  | { ok: true; savedAt: Date }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; stale?: boolean };

/**
 * Saves `value` about `delay` ms after it last changed (one save at a time; changes made
 * during a save are saved right after it). While anything is unsaved the browser warns before
 * leaving the page. `flush()` saves now. A failed save keeps the edits and retries on the next
 * change, except a stale one, which waits for the user (reload) rather than overwrite.
 */
export function useAutosave<T>(value: T, save: (v: T) => Promise<SaveResult>, delay = 1500) {
  const [status, setStatus] = useState<SaveStatus>({ state: "saved", at: null });
  const saved = useRef(value);
  const latest = useRef(value);
  const running = useRef(false);
  const blocked = useRef(false);
  /** The value the server refused (e.g. an unknown merge tag): not retried until it changes. */
  const refused = useRef<T | null>(null);
  /** Set when the user chose to discard (reload after a stale save): no leave warning then. */
  const leaving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), delay);
  }, [delay]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current || blocked.current) return;
    if (latest.current === saved.current) return;
    running.current = true;
    const v = latest.current;
    setStatus({ state: "saving" });
    try {
      const r = await saveRef.current(v);
      if (r.ok) {
        saved.current = v;
        setStatus(latest.current === v ? { state: "saved", at: r.savedAt } : { state: "dirty" });
      } else {
        if (r.stale) blocked.current = true;
        refused.current = v;
        setStatus({ state: "error", error: r.error, fieldErrors: r.fieldErrors });
      }
    } catch {
      setStatus({ state: "error", error: "editor.errors.network" });
    } finally {
      running.current = false;
    }
    const pending = latest.current !== saved.current && latest.current !== refused.current;
    if (pending && !blocked.current && timer.current === null) schedule();
  }, [schedule]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  useEffect(() => {
    latest.current = value;
    if (value === saved.current) return;
    if (!blocked.current) setStatus((s) => (s.state === "error" ? s : { state: "dirty" }));
    schedule();
  }, [value, schedule]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!leaving.current && (latest.current !== saved.current || running.current)) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      // Leaving the page inside the app (a link): save what is pending right away.
      if (latest.current !== saved.current) void flushRef.current();
    };
  }, []);

  /** Lets the page go without the unsaved-changes warning (the user chose to discard). */
  const allowLeave = useCallback(() => {
    leaving.current = true;
  }, []);

  return { status, flush, allowLeave };
}
