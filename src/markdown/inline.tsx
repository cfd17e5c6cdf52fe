import type { ReactNode } from 'react';
import { assertNever } from '../protocol';
import { decodeEntities } from './entities';
import { asMdTokens, type MdToken } from './lexer';
import { MathView } from './math';
import { safeHref } from './safe-url';

const LINK = 'text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300 dark:hover:text-sky-200';

/** Inline tokens → React nodes. Every string ends up as a text node. */
export function renderInline(tokens: readonly MdToken[]): ReactNode[] {
  return tokens.map((token, i) => renderInlineToken(token, i));
}

function renderInlineToken(token: MdToken, key: number): ReactNode {
  switch (token.type) {
    case 'text':
      return token.tokens !== undefined && token.tokens.length > 0 ? (
        <span key={key}>{renderInline(asMdTokens(token.tokens))}</span>
      ) : (
        decodeEntities(token.text)
      );
    case 'escape':
      return token.text;
    case 'strong':
      return <strong key={key} className="font-semibold">{renderInline(asMdTokens(token.tokens))}</strong>;
    case 'em':
      return <em key={key}>{renderInline(asMdTokens(token.tokens))}</em>;
    case 'del':
      return <del key={key}>{renderInline(asMdTokens(token.tokens))}</del>;
    case 'codespan':
      return (
        <code key={key} className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.875em] dark:bg-stone-800">
          {token.text}
        </code>
      );
    case 'br':
      return <br key={key} />;
    case 'link':
      return <SafeLink key={key} href={token.href} title={token.title ?? undefined}>{renderInline(asMdTokens(token.tokens))}</SafeLink>;
    case 'image':
      // Model output never loads remote images (tracking pixels, layout jumps): show a link.
      return (
        <SafeLink key={key} href={token.href} title={token.title ?? undefined}>
          {`🖼 ${token.text === '' ? 'image' : decodeEntities(token.text)}`}
        </SafeLink>
      );
    case 'html':
      // Raw HTML from the model is shown as the text it is, never parsed.
      return token.text;
    case 'checkbox':
      return <input key={key} type="checkbox" checked={token.checked} disabled readOnly className="mr-1.5 align-middle" />;
    case 'math':
      return <MathView key={key} tex={token.text} display={token.display} closed={token.closed} />;
    case 'paragraph':
    case 'heading':
      return <span key={key}>{renderInline(asMdTokens(token.tokens))}</span>;
    // Block tokens never occur inline; show their source rather than nothing.
    case 'blockquote':
    case 'code':
    case 'def':
    case 'hr':
    case 'list':
    case 'list_item':
    case 'space':
    case 'table':
      return token.raw;
    default:
      return assertNever(token);
  }
}

function SafeLink({ href, title, children }: { readonly href: string; readonly title: string | undefined; readonly children: ReactNode }) {
  const safe = safeHref(href);
  if (safe === null) return <span title={title}>{children}</span>;
  return (
    <a href={safe} title={title} target="_blank" rel="noreferrer noopener" className={LINK}>
      {children}
    </a>
  );
}
