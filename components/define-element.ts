/**
 * Registers a custom element once. Host pages may load the widget twice or define the tag
 * themselves first; either way the first definition wins and nothing throws.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
