import type { ReactNode } from 'react';
import type { Tokens } from 'marked';
import { assertNever } from '../protocol';
import { CodeBlock } from './code-block';
import { renderInline } from './inline';
import { asMdTokens, type MdToken } from './lexer';
import { MathView } from './math';

export interface BlockOptions {
  /** The block is the growing tail of a streaming message. */
  readonly live: boolean;
  /** Show the streaming caret after the last text. */
  readonly caret: boolean;
}

const SETTLED: BlockOptions = { live: false, caret: false };

const HEADING = {
  1: 'text-2xl font-semibold',
  2: 'text-xl font-semibold',
  3: 'text-lg font-semibold',
  4: 'text-base font-semibold',
  5: 'text-sm font-semibold',
  6: 'text-sm font-semibold text-stone-600 dark:text-stone-400',
} as const;

/**
 * The caret is a tiny element of its own inside the tail block; its CSS
 * animation never touches classes of any container.
 */
export function Caret() {
  return <span aria-hidden="true" data-testid="caret" className="ml-0.5 inline-block h-[1.1em] w-[0.45em] translate-y-[0.2em] animate-pulse rounded-sm bg-stone-500 dark:bg-stone-400" />;
}

/** Block tokens → React nodes; keys are token indexes, stable as the tail grows. */
export function renderBlocks(tokens: readonly MdToken[], options: BlockOptions = SETTLED): ReactNode[] {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last]?.type === 'space') last -= 1;
  const nodes = tokens.map((token, i) => renderBlock(token, i, i === last ? options : SETTLED));
  const lastToken = tokens[last];
  const caretInside = lastToken !== undefined && (lastToken.type === 'paragraph' || lastToken.type === 'heading');
  if (options.caret && !caretInside) nodes.push(<Caret key="caret" />);
  return nodes;
}

function renderBlock(token: MdToken, key: number, options: BlockOptions): ReactNode {
  const caret = options.caret ? <Caret /> : null;
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return (
        <p key={key}>
          {renderInline(asMdTokens(token.tokens))}
          {caret}
        </p>
      );
    case 'heading': {
      const depth = clampDepth(token.depth);
      const Tag = `h${depth}` as const;
      return (
        <Tag key={key} className={HEADING[depth]}>
          {renderInline(asMdTokens(token.tokens))}
          {caret}
        </Tag>
      );
    }
    case 'code': {
      // While the fence's info line is still being typed, "py" may become "python".
      const lang = options.live && !token.raw.includes('\n') ? '' : (token.lang ?? '').split(/\s/)[0] ?? '';
      return <CodeBlock key={key} code={token.text} lang={lang} live={options.live} />;
    }
    case 'blockquote':
      return (
        <blockquote key={key} className="space-y-3 border-l-4 border-stone-300 pl-4 text-stone-700 dark:border-stone-600 dark:text-stone-300">
          {renderBlocks(asMdTokens(token.tokens))}
        </blockquote>
      );
    case 'list':
      return renderList(token, key);
    case 'table':
      return renderTable(token, key);
    case 'hr':
      return <hr key={key} className="border-stone-300 dark:border-stone-700" />;
    case 'html':
      // Raw HTML from the model is shown as its source text, never parsed.
      return (
        <p key={key} className="whitespace-pre-wrap break-words">
          {token.text}
        </p>
      );
    case 'math':
      return <MathView key={key} tex={token.text} display={token.display} closed={token.closed} />;
    case 'text':
      return <p key={key}>{renderInline([token])}</p>;
    // Inline tokens and list items are rendered by their parents, not here.
    case 'br':
    case 'checkbox':
    case 'codespan':
    case 'del':
    case 'em':
    case 'escape':
    case 'image':
    case 'link':
    case 'list_item':
    case 'strong':
      return <span key={key}>{renderInline([token])}</span>;
    default:
      return assertNever(token);
  }
}

function renderList(list: Tokens.List, key: number): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i} className={item.task ? 'list-none' : undefined}>
      {renderItem(item)}
    </li>
  ));
  const spacing = list.loose ? 'space-y-3' : 'space-y-1';
  if (list.ordered) {
    const start = typeof list.start === 'number' ? list.start : 1;
    return (
      <ol key={key} start={start} className={`list-decimal pl-6 ${spacing}`}>
        {items}
      </ol>
    );
  }
  return (
    <ul key={key} className={`list-disc pl-6 ${spacing}`}>
      {items}
    </ul>
  );
}

/**
 * A tight item holds bare `text` tokens, a loose one paragraphs; either way a
 * task checkbox goes inline before the first line, not on a line of its own.
 */
function renderItem(item: Tokens.ListItem): ReactNode[] {
  const tokens = asMdTokens(item.tokens);
  const first = tokens[0];
  const checkbox = first?.type === 'checkbox' ? <input type="checkbox" checked={first.checked} disabled readOnly aria-label={first.checked ? 'done' : 'not done'} className="mr-1.5 align-middle" /> : null;
  const body = (checkbox === null ? tokens : tokens.slice(1)).filter((token) => token.type !== 'space');
  return body.map((token, i) => {
    const lead = i === 0 ? checkbox : null;
    switch (token.type) {
      case 'text':
        return <div key={i}>{lead}{renderInline([token])}</div>;
      case 'paragraph':
        return <p key={i} className={item.loose && i > 0 ? 'mt-3' : undefined}>{lead}{renderInline(asMdTokens(token.tokens))}</p>;
      default:
        return <div key={i} className={item.loose ? 'mt-3' : 'mt-1'}>{lead}{renderBlock(token, i, SETTLED)}</div>;
    }
  });
}

function renderTable(table: Tokens.Table, key: number): ReactNode {
  const cell = 'border border-stone-300 px-3 py-1.5 dark:border-stone-700';
  return (
    // Wide tables scroll inside their own box instead of widening the page.
    <div key={key} tabIndex={0} className="max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500">
      <table className="border-collapse text-sm">
        <thead className="bg-stone-100 dark:bg-stone-800">
          <tr>
            {table.header.map((c, i) => (
              <th key={i} scope="col" className={`${cell} font-semibold`} style={{ textAlign: c.align ?? 'left' }}>
                {renderInline(asMdTokens(c.tokens))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((c, i) => (
                <td key={i} className={cell} style={{ textAlign: c.align ?? 'left' }}>
                  {renderInline(asMdTokens(c.tokens))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function clampDepth(depth: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return depth <= 1 ? 1 : depth >= 6 ? 6 : depth === 2 ? 2 : depth === 3 ? 3 : depth === 4 ? 4 : 5;
}
