// Parses the text of one FIGURE span into its attributes {value, unit, approx}, for spans the annotator draws by hand.

import { approxAfter, approxBefore, leadingApprox, trailingApprox, type Approx } from './approx';
import type { FigureAttrs } from './figures';
import { readQuantity } from './quantity';

/**
 * The attributes of a figure written as `span` ("43.9%", "1.5 trillion yuan", "2623.9亿元",
 * "260 robots per 10,000 people"), or null when it does not start with a number.
 *
 * `before` and `after` are the text just outside the span, where the guidelines put
 * approximators ("more than", "约", "以上"); an approximator inside the span text is read
 * too, so "more than 9,000 textile enterprises" gives approx `more-than`. Whatever follows
 * the number and scale that is not a known unit is the unit as written ("robots per 10,000
 * people", "textile enterprises"); units are normalized as ./units documents.
 */
export function parseFigure(span: string, before = '', after = ''): FigureAttrs | null {
  let text = span.trim();
  let approx: Approx | null = null;
  const lead = leadingApprox(text);
  if (lead) {
    approx = lead.approx;
    text = text.slice(lead.length);
  }
  const trail = trailingApprox(text);
  if (trail) {
    approx = approx ?? trail.approx;
    text = text.slice(0, text.length - trail.length).trimEnd();
  }
  const q = readQuantity(text, 0, { nounPhrase: false });
  if (!q) return null;
  let unit = q.unit;
  const rest = text.slice(q.end).trim();
  if (rest) unit = q.unitKind === 'none' ? rest : `${unit} ${rest}`;
  approx = q.innerApprox ?? approx ?? approxBefore(before, before.length)?.approx ?? approxAfter(after, 0)?.approx ?? 'none';
  return { value: q.value, unit, approx };
}
