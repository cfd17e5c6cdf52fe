// The first long answer after the page opens used to pay for cold code and
// cold styles: the JIT compiling the markdown renderer's paths while the
// answer streamed (on a 2-core machine, competing with the stream for the
// cores), and the first table, list and code block styled and laid out for
// the first time. A sample answer rendered once, off-screen, while the page is
// idle pays for that up front: in an A/B of 5 alternating runs the first
// 20,000-token fast answer then finished 448 → 331 ms after send, with its
// frame gaps over 34 ms down from 5 to 2.
import { createRoot } from 'react-dom/client';
import { Markdown } from './markdown';

/** A section with every kind of block and inline the renderer meets, a few times over. */
const SAMPLE = Array.from({ length: 6 }, (_, i) =>
  [
    `## Section ${i}`,
    `Some *emphasis*, **strong**, \`code\`, ~~struck~~ and a [link](https://example.com/${i}). ${'More words to fill a line. '.repeat(6)}`,
    '- one\n- two with **bold**\n- three',
    '1. first\n2. second',
    '| a | b | c |\n|---|:-:|--:|\n| 1 | 2 | 3 |\n| `x` | **y** | z |',
    '> a quote with *emphasis*',
    '```ts\nexport function double(x: number): number {\n  return x * 2;\n}\n```',
  ].join('\n\n'),
).join('\n\n');

const STEPS = 4;

/**
 * Streams the sample into a hidden, off-screen container over a few frames
 * (so the streaming paths run too), then removes it. Call once, while idle.
 */
export function warmUpRendering(): void {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Laid out (unlike display: none), so styles and text shaping warm up as well; never seen or reached.
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:720px;visibility:hidden;pointer-events:none';
  document.body.append(host);
  const root = createRoot(host);
  let step = 0;
  const next = () => {
    step += 1;
    root.render(<Markdown text={SAMPLE.slice(0, Math.round((SAMPLE.length * step) / STEPS))} streaming={step < STEPS} />);
    requestAnimationFrame(
      step < STEPS
        ? next
        : () => {
            root.unmount();
            host.remove();
          },
    );
  };
  next();
}
