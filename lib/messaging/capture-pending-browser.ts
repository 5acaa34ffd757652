import { browser } from 'wxt/browser';
import type { CapturePendingDeps } from './capture-pending-service';
import { toHostPattern } from './host-pattern';

/** How long a background tab may take to load before its article is reported as failed. */
export const TAB_LOAD_TIMEOUT_MS = 45_000;

/** Opens `url` in a new inactive tab and resolves with its id when the page has finished loading. */
export async function openTabAndWait(url: string, timeoutMs = TAB_LOAD_TIMEOUT_MS): Promise<number> {
  const tab = await browser.tabs.create({ url, active: false });
  const tabId = tab.id;
  if (tabId === undefined) throw new Error('the browser gave the new tab no id');
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      if (error) reject(error);
      else resolve();
    };
    const onUpdated = (id: number, change: { status?: string }): void => {
      if (id === tabId && change.status === 'complete') done();
    };
    const onRemoved = (id: number): void => {
      if (id === tabId) done(new Error('the tab was closed'));
    };
    const timer = setTimeout(() => done(new Error(`no answer in ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    // The page may have finished before the listener was added.
    browser.tabs.get(tabId).then(
      (t) => {
        if (t.status === 'complete' && t.url && t.url !== 'about:blank') done();
      },
      () => undefined,
    );
  });
  return tabId;
}

/** The browser half of the capture-pending job: optional host permission check, background tabs. */
export function createBrowserCaptureDeps(): Pick<CapturePendingDeps, 'hasHostPermission' | 'openTab' | 'closeTab'> {
  return {
    async hasHostPermission(url) {
      const pattern = toHostPattern(url);
      return pattern !== null && (await browser.permissions.contains({ origins: [pattern] }));
    },
    openTab: (url) => openTabAndWait(url),
    async closeTab(tabId) {
      await browser.tabs.remove(tabId);
    },
  };
}
