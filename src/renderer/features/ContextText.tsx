// One line of text around a match, the match marked, for result lists and the suggestion queue. The left side is cut
// in the text and clipped on its left by layout, never by `direction: rtl`, which reorders characters on screen.

import type { ContextLine } from './suggestion-queue';
import './panels.css';

/**
 * The three parts as inline-flex pieces: `before` (an ellipsis first when cut in the text,
 * then the text right-aligned in a box that hides what does not fit on its left), the match,
 * and `after` (ending in an ellipsis when cut).
 */
export function ContextText({ context }: { context: ContextLine }) {
  return (
    <>
      <span className="ctx-before" data-testid="ctx-before">
        {context.clippedBefore ? <span className="ctx-ellipsis">…</span> : null}
        <span className="ctx-clip"><span>{context.before}</span></span>
      </span>
      <mark>{context.match}</mark>
      <span className="ctx-after" data-testid="ctx-after">{context.after}{context.clippedAfter ? '…' : ''}</span>
    </>
  );
}
