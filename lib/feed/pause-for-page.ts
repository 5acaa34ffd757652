/** Yields to the page between slices of work: scheduler.yield() where there is one, else a zero timeout. */
export function pauseForPage(): Promise<unknown> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<unknown> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
