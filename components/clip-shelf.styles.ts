import { css } from './css';

/** Theme tokens: light-dark() picks by the host's color-scheme (light, dark, or both for `auto`). */
const tokens = css`
  --clip-bg: light-dark(#fff, #16181d);
  --clip-fg: light-dark(#1b1b1f, #e7e9ee);
  --clip-muted: light-dark(#52566a, #aab0c0);
  --clip-link: light-dark(#0b57d0, #9ec1ff);
  --clip-accent: light-dark(#0b57d0, #9ec1ff);
  --clip-on-accent: light-dark(#fff, #0d1b33);
  --clip-border: light-dark(#d5d9e3, #3a3f4c);
  --clip-card-bg: light-dark(#fff, #1d2027);
  --clip-chip-bg: light-dark(#e8eefb, #263149);
  --clip-chip-fg: light-dark(#173a7a, #d2e0ff);
  --clip-quote-bar: light-dark(#c5cbe0, #46506a);
  --clip-focus: light-dark(#0b57d0, #9ec1ff);
`;

/**
 * <clip-shelf>'s styles. Theme tokens are set on :host (auto follows prefers-color-scheme through color-scheme); a page overrides any of them with
 * `clip-shelf { --clip-accent: … }` (page styles beat :host rules), or per theme with
 * `clip-shelf[theme=dark] { … }`.
 */
export const shelfStyles = css`
  :host {
    ${tokens}
    color-scheme: light dark;
    display: block;
    background: var(--clip-bg);
    border-radius: var(--clip-radius, 10px);
    font-size: var(--clip-font-size, 1rem);
    min-width: 0;
  }
  .shelf {
    padding: var(--clip-padding, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.6rem 1rem;
    margin-bottom: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  .search {
    flex: 1 1 12rem;
    max-width: 22rem;
    font: inherit;
    padding: 0.35rem 0.6rem;
    border: 1px solid var(--clip-muted);
    border-radius: 6px;
    background: var(--clip-input-bg, var(--clip-card-bg));
    color: var(--clip-fg);
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid var(--clip-border);
    margin-bottom: 0.75rem;
    overflow-x: auto;
  }
  [role='tab'] {
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    padding: 0.4rem 0.75rem;
    cursor: pointer;
    color: var(--clip-muted);
    font-weight: 600;
    white-space: nowrap;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--clip-fg);
    border-bottom-color: var(--clip-accent);
  }
  [role='tab']:focus-visible {
    outline-offset: -2px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .filters,
  .count {
    margin: 0 0 0.6rem;
  }
  .filters,
  .count,
  .roles {
    font-size: 0.875rem;
  }
  .button.filter {
    padding: 0.1rem 0.6rem;
    border-radius: 999px;
  }
  .items {
    display: grid;
    gap: 1rem;
  }
  :host([layout='compact']) .items {
    gap: 0.6rem;
  }
  .items > li + li {
    border-top: 1px solid var(--clip-border);
    padding-top: 1rem;
  }
  /* Long lists: the browser skips style, layout and paint of cards that are off screen ("auto" remembers their size). */
  .items > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 14rem;
  }
  :host([layout='compact']) .items > li + li {
    padding-top: 0.6rem;
  }
  :host([layout='cards']) .items {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
  }
  :host([layout='cards']) .items > li + li {
    border-top: 0;
    padding-top: 0;
  }
  .group + .group {
    margin-top: 1.1rem;
    padding-top: 1rem;
    border-top: 1px solid var(--clip-border);
  }
  h3 {
    margin: 0;
    font-size: 1.0625rem;
  }
  .group-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2rem 0.75rem;
  }
  .roles {
    margin: 0.1rem 0 0.35rem;
  }
  .entries {
    display: grid;
    gap: 0.5rem;
    margin-top: 0.4rem;
  }
  .entry-title {
    font-weight: 600;
  }
  .entry-meta {
    font-size: 0.8125rem;
  }
  .who {
    font-weight: 600;
  }
  .more-row {
    margin-top: 1rem;
    text-align: center;
  }
  .button {
    font: inherit;
    padding: 0.4rem 1rem;
    border-radius: 6px;
    border: 1px solid var(--clip-accent);
    background: var(--clip-bg);
    color: var(--clip-link);
    cursor: pointer;
  }
  .button:hover {
    background: var(--clip-chip-bg);
  }
  .state {
    padding: 1.25rem 0.5rem;
    text-align: center;
  }
  .state h3 {
    margin-bottom: 0.35rem;
  }
  .state p {
    margin: 0.25rem 0;
  }
  .state ul {
    text-align: start;
    display: inline-block;
    margin: 0.5rem 0 0;
    font-size: 0.8125rem;
  }
  .spinner {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    margin-inline-end: 0.4rem;
    border: 2px solid var(--clip-border);
    border-top-color: var(--clip-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
