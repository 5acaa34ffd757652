import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWatchdog } from './with-timeout';

/**
 * What an e2e file opened — browser sessions, servers, temporary folders — closed last first, once: from afterAll,
 * or from the watchdog when a step hangs, so no Chromium, port or folder is left behind.
 */
export interface Teardown {
  /** Registers `resource.close()` for teardown and returns the resource. */
  add<T extends { close(): Promise<void> | void }>(resource: T): T;
  /** Creates a fresh temporary folder that teardown removes. */
  tempDir(prefix: string): string;
  /** Arms a last-resort watchdog that runs the teardown after `ms`; run() disarms it. */
  watchdog(ms: number): void;
  /** Closes everything registered so far, last first; one failing close does not stop the others. */
  run(): Promise<void>;
}

export function createTeardown(): Teardown {
  const steps: Array<() => Promise<void> | void> = [];
  let disarm = () => {};
  const teardown: Teardown = {
    add(resource) {
      steps.push(() => resource.close());
      return resource;
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      steps.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    watchdog(ms) {
      disarm();
      disarm = startWatchdog(ms, () => teardown.run());
    },
    async run() {
      disarm();
      for (let step = steps.pop(); step; step = steps.pop()) {
        try {
          await step();
        } catch (error) {
          console.error('e2e teardown step failed:', error);
        }
      }
    },
  };
  return teardown;
}
