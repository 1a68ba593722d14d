// The colours of conflict bands in the lanes, chosen apart from every label colour so that "decided" never reads as a label.
//
// A band tints its region and draws a rule along the top of the line it is on; the colours
// go to CSS as custom properties (--band-open, --band-done, --band-current) from here, and
// band-colors.test.ts measures each against the schema's label colours (CIE76 ΔE in Lab).

/** Band colours by state. */
export const BAND_COLORS = {
  /** Not yet decided: a dark crimson, apart from PERSON's orange-red and EVENT's pink. */
  open: '#9b1c31',
  /** Decided: a neutral slate, the one colour without hue, so it never passes for a label. */
  done: '#5c6670',
  /** The step the curator is on: a deep indigo, apart from FIGURE's sky blue and POLICY's violet. */
  current: '#1d3b8f',
} as const;

/** What each band state means, for the legend. */
export const BAND_LEGEND: readonly { state: keyof typeof BAND_COLORS; text: string }[] = [
  { state: 'open', text: 'open conflict' },
  { state: 'current', text: 'current' },
  { state: 'done', text: 'decided' },
];

/** The CSS custom properties of the band colours, for the lanes' style. */
export function bandStyle(): Record<string, string> {
  return { '--band-open': BAND_COLORS.open, '--band-done': BAND_COLORS.done, '--band-current': BAND_COLORS.current };
}
