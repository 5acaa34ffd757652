import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { waitFor, withTimeout } from './with-timeout';

/**
 * A CDP target Playwright does not expose (the real action popup): driven over the browser session with
 * Target.attachToTarget (flatten: false) + Target.sendMessageToTarget.
 */
export class RawTarget {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly onMessage: (event: { sessionId: string; message: string }) => void;

  private readonly cdp: CDPSession;
  readonly targetId: string;
  private readonly sessionId: string;

  private constructor(cdp: CDPSession, targetId: string, sessionId: string) {
    this.cdp = cdp;
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.onMessage = ({ sessionId: from, message }) => {
      if (from !== this.sessionId) return;
      const parsed = JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } };
      if (parsed.id === undefined) return;
      const waiter = this.pending.get(parsed.id);
      if (!waiter) return;
      this.pending.delete(parsed.id);
      if (parsed.error) waiter.reject(new Error(parsed.error.message));
      else waiter.resolve(parsed.result);
    };
    cdp.on('Target.receivedMessageFromTarget', this.onMessage);
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<RawTarget> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new RawTarget(cdp, targetId, sessionId);
  }

  /** Sends one CDP command to the target. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolvePromise, reject) => {
      this.pending.set(id, { resolve: (v) => resolvePromise(v as T), reject });
    });
    void this.cdp
      .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
      .catch((error: Error) => this.pending.get(id)?.reject(error));
    return withTimeout(result, 15_000, `${method} on ${this.targetId}`);
  }

  /** Evaluates an expression (awaiting promises) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
    );
    if (reply.exceptionDetails) {
      throw new Error(`Evaluation failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    }
    return reply.result.value as T;
  }

  /** Saves a PNG screenshot of the target. */
  async screenshot(path: string): Promise<void> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path, Buffer.from(data, 'base64'));
  }

  async close(): Promise<void> {
    this.cdp.off('Target.receivedMessageFromTarget', this.onMessage);
    for (const waiter of this.pending.values()) waiter.reject(new Error('target closed'));
    this.pending.clear();
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** A browser-level CDP session (Target.*, Extensions.*). */
  cdp: CDPSession;
  /** chrome-extension://ID/<path> */
  extensionUrl(path: string): string;
  /**
   * Clicks the extension's toolbar button on the tab showing `pageUrl` (CDP Extensions.triggerAction: a real
   * click, so it grants activeTab) and returns the popup it opened, attached and loaded.
   */
  clickToolbar(pageUrl: string, options?: { popupReady?: string }): Promise<RawTarget>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked build. Default: .output/chrome-mv3 of the working directory. */
  extensionPath?: string;
  headless?: boolean;
  /**
   * Abort page requests to anything but 127.0.0.1/localhost (default true): fixture pages reference remote
   * scripts and images, and with no network each one would stall the page until DNS gives up.
   */
  offline?: boolean;
}

/** Launches Debian's Chromium with the unpacked extension in a fresh profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionPath = resolve(options.extensionPath ?? '.output/chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'clipshelf-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await withTimeout(
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        headless: options.headless ?? true,
        ignoreDefaultArgs: ['--disable-extensions'],
        args: [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`, ...CHROMIUM_ARGS],
        viewport: { width: 1280, height: 900 },
      }),
      30_000,
      'launching Chromium',
    );
    const ctx = context;
    if (options.offline ?? true) {
      await ctx.route(/^https?:\/\//, (route) => {
        const host = new URL(route.request().url()).hostname;
        return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort('internetdisconnected');
      });
    }
    const serviceWorker = ctx.serviceWorkers()[0] ?? (await withTimeout(ctx.waitForEvent('serviceworker'), 15_000, 'the service worker'));
    const extensionId = new URL(serviceWorker.url()).host;
    const browser = ctx.browser();
    if (!browser) throw new Error('no browser for the persistent context');
    const cdp = await browser.newBrowserCDPSession();
    const seenPopups = new Set<string>();

    const popupTargets = async () => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.filter((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/popup.html`));
    };

    return {
      context: ctx,
      extensionId,
      serviceWorker,
      cdp,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      async clickToolbar(pageUrl, { popupReady = "customElements.get('clip-popup') !== undefined" } = {}) {
        for (const t of await popupTargets()) seenPopups.add(t.targetId);
        const tab = await waitFor(
          async () => {
            const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
            return targetInfos.find((t) => t.url === pageUrl);
          },
          10_000,
          `a tab showing ${pageUrl}`,
        );
        await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
        const info = await waitFor(async () => (await popupTargets()).find((t) => !seenPopups.has(t.targetId)), 10_000, 'the popup');
        seenPopups.add(info.targetId);
        const popup = await RawTarget.attach(cdp, info.targetId);
        await waitFor(
          () => popup.evaluate<boolean>(`document.readyState === 'complete' && (${popupReady})`),
          10_000,
          'the popup to load',
        );
        return popup;
      },
      async close() {
        await cdp.detach().catch(() => undefined);
        await ctx.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
