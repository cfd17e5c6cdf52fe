/**
 * Test hook: tests count how often each block component renders, which is the
 * observable form of "a delta re-renders only the tail". A no-op otherwise.
 */
type BlockRenderListener = (index: number, text: string) => void;

let listener: BlockRenderListener | undefined;

export function setBlockRenderListener(next: BlockRenderListener | undefined): void {
  listener = next;
}

export function noteBlockRender(index: number, text: string): void {
  listener?.(index, text);
}
