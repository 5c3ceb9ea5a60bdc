"use client";

import { useCallback, useReducer } from "react";

const LIMIT = 200;

type State<T> = { past: T[]; present: T; future: T[]; group: string | null };
type Action<T> =
  | { type: "set"; value: T; group?: string }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; value: T };

/**
 * The history reducer: every change is a step, except consecutive changes with the same
 * `group` (typing into one field), which replace the last step so undo takes back the whole edit.
 */
export function historyReducer<T>(s: State<T>, a: Action<T>): State<T> {
  switch (a.type) {
    case "set":
      if (a.value === s.present) return s;
      if (a.group && a.group === s.group) return { ...s, present: a.value, future: [] };
      return {
        past: [...s.past, s.present].slice(-LIMIT),
        present: a.value,
        future: [],
        group: a.group ?? null,
      };
    case "undo": {
      const prev = s.past[s.past.length - 1];
      if (prev === undefined) return s;
      return {
        past: s.past.slice(0, -1),
        present: prev,
        future: [s.present, ...s.future],
        group: null,
      };
    }
    case "redo": {
      const [next, ...rest] = s.future;
      if (next === undefined) return s;
      return { past: [...s.past, s.present], present: next, future: rest, group: null };
    }
    case "reset":
      return { past: [], present: a.value, future: [], group: null };
  }
}

/** Undo/redo state for a value: set (optionally grouped), undo, redo, reset. */
export function useHistory<T>(initial: T) {
  const [s, dispatch] = useReducer(historyReducer<T>, {
    past: [],
    present: initial,
    future: [],
    group: null,
  });
  return {
    value: s.present,
    set: useCallback((value: T, group?: string) => dispatch({ type: "set", value, group }), []),
    undo: useCallback(() => dispatch({ type: "undo" }), []),
    redo: useCallback(() => dispatch({ type: "redo" }), []),
    reset: useCallback((value: T) => dispatch({ type: "reset", value }), []),
    canUndo: s.past.length > 0,
    canRedo: s.future.length > 0,
  };
}
