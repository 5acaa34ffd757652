/** Rejects with a labelled error when `promise` does not settle within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A last-resort watchdog for a whole test file: after `ms` it runs `cleanup` (close the browser and servers) so a
 * hung step can never leave Chromium or a port behind. Call the returned function to disarm it.
 */
export function startWatchdog(ms: number, cleanup: () => Promise<void> | void): () => void {
  const timer = setTimeout(() => {
    console.error(`Watchdog: the e2e session exceeded ${ms} ms; closing the browser and servers.`);
    void Promise.resolve(cleanup()).catch(() => undefined);
  }, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Polls `check` until it returns a truthy value (returned) or `ms` pass (throws with the last value). */
export async function waitFor<T>(check: () => Promise<T> | T, ms: number, label: string, interval = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  const detail = lastError instanceof Error ? lastError.message : JSON.stringify(last);
  throw new Error(`Timed out after ${ms} ms waiting for ${label} (last: ${detail})`);
}
