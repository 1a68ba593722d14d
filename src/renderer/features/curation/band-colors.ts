// The colours of conflict bands in the lanes, chosen apart from every label colour so that "decided" never reads as a label.
//
// A band tints its region and draws a rule along the top of the line it is on; the colours
// go to CSS as custom properties (--band-open, --band-done, --band-current) from here, and
// the unit test measures each against the schema's label colours (CIE76 ΔE in Lab).

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

/** CIE L*a*b* of an sRGB hex colour (D65). */
export function labOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const lin = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2.3 is just noticeable, over 20 reads as another colour. */
export function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = labOf(a);
  const [l2, a2, b2] = labOf(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
