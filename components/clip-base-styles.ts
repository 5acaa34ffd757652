import { css } from './css';

/**
 * Styles every ClipShelf component shares. Colours come from the documented `--clip-*` custom
 * properties (set by <clip-shelf> per theme, or by the extension's pages), with light fallbacks
 * so each component also looks right on its own.
 */
export const baseStyles = css`
  :host {
    font-family: var(--clip-font, system-ui, sans-serif);
    color: var(--clip-fg, #1b1b1f);
    line-height: 1.45;
    box-sizing: border-box;
  }
  * {
    box-sizing: inherit;
  }
  a,
  .link-button {
    color: var(--clip-link, #0b57d0);
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--clip-focus, #0b57d0);
    outline-offset: 2px;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .muted {
    color: var(--clip-muted, #545762);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .link-button {
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  /* Statements beside a bar: who said what in the speaker list and in the shelf's Speakers/Topics views. */
  .quotes {
    margin: 0.15rem 0 0;
    padding: 0 0 0 0.6rem;
    border-inline-start: 2px solid var(--clip-quote-bar, #c5cbe0);
    list-style: none;
  }
  .quotes > li + li {
    margin-top: 0.15rem;
  }
  q {
    quotes: '\\201C' '\\201D' '\\2018' '\\2019';
  }
`;
