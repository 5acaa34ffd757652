// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../components/clip-live-settings';
import type { ClipLiveSettings } from '../../components/clip-live-settings';

async function mount(props: Partial<ClipLiveSettings> = {}): Promise<ClipLiveSettings> {
  const el = document.createElement('clip-live-settings');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);

afterEach(() => document.body.replaceChildren());

describe('<clip-live-settings>', () => {
  it('asks for an address and fires clip-live-allow with what was typed, synchronously in the submit', async () => {
    const el = await mount();
    expect($(el, 'h2')?.textContent).toBe('Live on your page');
    const allow = vi.fn((e: CustomEvent<{ origin: string }>) => e.detail.origin);
    document.addEventListener('clip-live-allow', allow);
    const input = $(el, 'input[name="origin"]') as HTMLInputElement;
    expect($(el, 'label')?.textContent).toContain("Your page's address");
    input.value = 'https://start.example.org';
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    expect(allow).toHaveBeenCalledTimes(1);
    expect(allow.mock.results[0]?.value).toBe('https://start.example.org');
    document.removeEventListener('clip-live-allow', allow);
  });

  it('shows the allowed origin, the snippet and Remove, and disables the buttons while busy', async () => {
    const snippet = '<script type="module" src="clip-shelf.js"></script>\n<clip-shelf src="clipshelf-feed.json" theme="auto" live></clip-shelf>\n';
    const el = await mount({ origin: 'https://start.example.org', snippet, message: 'Done.' });
    expect($(el, '.origin')?.textContent).toBe('https://start.example.org');
    expect($(el, 'pre')?.textContent).toBe(snippet);
    expect($(el, 'form')).toBeNull();
    const remove = vi.fn((e: CustomEvent<{ origin: string }>) => e.detail.origin);
    el.addEventListener('clip-live-remove', remove);
    ($(el, 'button.remove') as HTMLButtonElement).click();
    expect(remove.mock.results[0]?.value).toBe('https://start.example.org');
    expect($(el, '[role="status"]')?.textContent).toBe('Done.');
    el.busy = true;
    await el.updateComplete;
    expect(($(el, 'button.remove') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows errors as errors', async () => {
    const el = await mount({ message: 'Not allowed.', tone: 'error' });
    expect($(el, '[role="status"]')?.className).toBe('error');
  });
});
