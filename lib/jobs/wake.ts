type Waker = () => void;
const g = globalThis as unknown as { __vkWakers?: Set<Waker> };
const wakers = (g.__vkWakers ??= new Set<Waker>());

/** Registers a callback run soon after any enqueue in this process (runner, outbox relay). */
export function onJobsEnqueued(fn: Waker): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

/** Nudges this process's runner; it polls anyway, this only shortens the wait. */
export function wakeJobs() {
  if (wakers.size === 0) return;
  setTimeout(() => wakers.forEach((w) => w()), 5).unref?.();
}
