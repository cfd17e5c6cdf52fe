// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './index';
import { lex } from './lexer';

afterEach(cleanup);

describe('math', () => {
  it('tokenizes $…$ and $$…$$ but not prices', () => {
    const types = (text: string) => JSON.stringify(lex(text), (key, value: unknown) => (key === 'raw' ? undefined : value));
    expect(types('a $x^2$ b')).toContain('"type":"math","text":"x^2","display":false');
    expect(types('$$\n\\int_0^1 x\\,dx\n$$')).toContain('"type":"math","text":"\\\\int_0^1 x\\\\,dx","display":true,"closed":true');
    expect(types('it costs $5 and $10 today')).not.toContain('"math"');
    expect(types('$5/$6')).not.toContain('"math"');
    expect(types('$$\nx +')).toContain('"closed":false');
  });

  it('renders inline and display math with KaTeX, lazily', async () => {
    const { container, findAllByText } = render(<Markdown text={'Euler: $e^{i\\pi}+1=0$\n\n$$\n\\frac{a}{b}\n$$\n'} streaming={false} />);
    // The TeX source shows until KaTeX arrives.
    expect(container.querySelectorAll('[data-math=pending]')).toHaveLength(2);
    await findAllByText((_, element) => element?.classList.contains('katex') ?? false, {}, { timeout: 10_000 });
    expect(container.querySelector('[data-math=inline] .katex')).not.toBeNull();
    expect(container.querySelector('[data-math=display] .katex-display')).not.toBeNull();
  });

  it('keeps a streaming $$ block as plain TeX until it closes', () => {
    const { container } = render(<Markdown text={'$$\n\\frac{a'} streaming />);
    expect(container.querySelector('[data-math=pending]')?.textContent).toBe('\\frac{a');
  });

  it('KaTeX output carries no javascript: links', async () => {
    const { container, findAllByText } = render(<Markdown text={'$\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(2)}$'} streaming={false} />);
    await findAllByText((_, element) => element?.classList.contains('katex') ?? false, {}, { timeout: 10_000 });
    expect(container.innerHTML).not.toMatch(/href="javascript:/i);
    expect(container.querySelector('a')).toBeNull();
  });
});
