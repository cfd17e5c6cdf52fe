// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BlockState } from '../../protocol';
import { ThinkingBlock } from './thinking-block';

afterEach(cleanup);

const state: Extract<BlockState, { kind: 'thinking' }> = { kind: 'thinking', closed: false, block: { type: 'thinking', thinking: 'Let me see.', signature: '' } };
const details = (container: HTMLElement) => container.querySelector('details') as HTMLDetailsElement;

describe('ThinkingBlock', () => {
  it('is open while thinking streams and folds once the answer starts', () => {
    const { container, rerender } = render(<ThinkingBlock state={state} answerStarted={false} />);
    expect(details(container).open).toBe(true);
    rerender(<ThinkingBlock state={state} answerStarted={true} />);
    expect(details(container).open).toBe(false);
  });

  it('folds once: the user can open it again and it stays open', () => {
    const { container, rerender } = render(<ThinkingBlock state={state} answerStarted={false} />);
    rerender(<ThinkingBlock state={state} answerStarted={true} />);
    details(container).open = true;
    fireEvent(details(container), new Event('toggle'));
    rerender(<ThinkingBlock state={{ ...state, closed: true }} answerStarted={true} />);
    expect(details(container).open).toBe(true);
  });

  it('starts folded when the answer has already started', () => {
    const { container } = render(<ThinkingBlock state={state} answerStarted={true} />);
    expect(details(container).open).toBe(false);
  });
});
