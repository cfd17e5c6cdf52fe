// The first long answer after the page opens used to pay for cold code: the
// JIT compiling the markdown renderer's paths on background threads while the
// answer streamed, competing with the stream's worker and the page for the
// cores. A sample answer streamed once into a hidden container while the page
// is idle pays for that up front (A/B: last byte → final render 256 → 149 ms,
// frame gaps over 34 ms 3 → 1). Its blocks are off-screen, so
// content-visibility skips their layout: what warms up is the script.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Markdown } from './markdown';

/**
 * A section with every kind of block and inline the renderer meets, a few
 * times over. The code fence names no grammar: warming up must not load one.
 */
const SAMPLE = Array.from({ length: 6 }, (_, i) =>
  [
    `## Section ${i}`,
    `Some *emphasis*, **strong**, \`code\`, ~~struck~~ and a [link](https://example.com/${i}). ${'More words to fill a line. '.repeat(6)}`,
    '- one\n- two with **bold**\n- three',
    '1. first\n2. second',
    '| a | b | c |\n|---|:-:|--:|\n| 1 | 2 | 3 |\n| `x` | **y** | z |',
    '> a quote with *emphasis*',
    '```text\nfunction double(x) {\n  return x * 2;\n}\n```',
  ].join('\n\n'),
).join('\n\n');

const STEPS = 4;

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 50);
}

/**
 * Streams the sample into a hidden, off-screen container in a few steps (so
 * the streaming paths run too), each in an idle period, then removes it. A
 * hidden tab waits until it is shown.
 */
export function warmUpRendering(): void {
  if (document.visibilityState !== 'visible') {
    document.addEventListener('visibilitychange', () => whenIdle(warmUpRendering), { once: true });
    return;
  }
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:720px;visibility:hidden;pointer-events:none';
  document.body.append(host);
  const root = createRoot(host);
  let step = 0;
  const next = () => {
    step += 1;
    if (step > STEPS) {
      root.unmount();
      host.remove();
      return;
    }
    // Rendered in this idle period, not in a later task.
    flushSync(() => root.render(<Markdown text={SAMPLE.slice(0, Math.round((SAMPLE.length * step) / STEPS))} streaming={step < STEPS} />));
    whenIdle(next);
  };
  next();
}
