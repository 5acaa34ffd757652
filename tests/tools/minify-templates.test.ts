import { describe, expect, it } from 'vitest';
import { minifyTemplates } from './build-widget';

describe('minifyTemplates (widget build)', () => {
  it('drops formatting whitespace next to tags but keeps spaces between bindings and inline text', () => {
    const source = [
      'const a = html`<ul>',
      '  <li>',
      '    <button',
      '      type="button"',
      '      aria-pressed=${x}',
      '      @click=${() => go(`${y}`)}',
      '    >',
      '      Show ${n} more',
      '      <span class="visually-hidden">&#32;quoting ${name}</span>',
      '    </button>',
      '  </li>',
      '</ul>`;',
    ].join('\n');
    expect(minifyTemplates(source)).toBe(
      'const a = html`<ul><li><button type="button" aria-pressed=${x} @click=${() => go(`${y}`)} >Show ${n} more<span class="visually-hidden">&#32;quoting ${name}</span></button></li></ul>`;',
    );
  });

  it('minifies css templates and leaves other code, strings and comments alone', () => {
    const source = "// a `comment` with css`x`\nconst s = 'it`s';\nconst c = css`\n  :host {\n    color: red;\n  }\n  a > b { margin: 0 }\n`;\nconst t = `keep\n  this`;";
    expect(minifyTemplates(source)).toBe("\nconst s = 'it`s';\nconst c = css` :host{color:red}a>b{margin:0}`;\nconst t = `keep\n  this`;");
  });
});
