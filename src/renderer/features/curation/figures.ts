// How agreement figures look: printed as the CLI prints them, coloured on one scale for the table and the heatmap.

/** Decimals shown: the CLI's table prints three (src/core/agreement/report-table.ts), and the app must read the same. */
export const DECIMALS = 3;

/** A figure as the CLI's table prints it: three decimals, "-" where undefined. */
export function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? '-' : v.toFixed(DECIMALS);
}

/**
 * Colour stops of the agreement scale. The breaks are Krippendorff's: below 0.667 data are
 * not reliable enough to draw conclusions from, 0.667 to 0.8 allow tentative ones, 0.8 and
 * above are reliable; red to amber to green says which side of them a figure is on.
 */
const STOPS: readonly [number, [number, number, number]][] = [
  [0, [200, 65, 58]],
  [0.5, [240, 163, 94]],
  [0.667, [246, 216, 107]],
  [0.8, [166, 217, 106]],
  [1, [46, 158, 86]],
];

/** The scale's colour of a figure (clamped to [0, 1]: alpha and kappa can go below zero); null for an undefined figure. */
export function scaleRgb(v: number | null | undefined): [number, number, number] | null {
  if (v === null || v === undefined || Number.isNaN(v)) return null;
  const x = Math.min(1, Math.max(0, v));
  for (let i = 1; i < STOPS.length; i++) {
    const [b, cb] = STOPS[i]!;
    const [a, ca] = STOPS[i - 1]!;
    if (x <= b) {
      const t = (x - a) / (b - a);
      return [0, 1, 2].map((k) => Math.round(ca[k]! + (cb[k]! - ca[k]!) * t)) as [number, number, number];
    }
  }
  return STOPS[STOPS.length - 1]![1];
}

/** CSS colour of a figure on the scale, or a neutral grey for an undefined one. */
export function scaleColor(v: number | null | undefined): string {
  const rgb = scaleRgb(v);
  return rgb ? `rgb(${rgb.join(' ')})` : '#e5e3dc';
}

/** Dark or light ink, whichever reads better on the figure's colour (relative luminance over one half). */
export function inkOn(v: number | null | undefined): string {
  const rgb = scaleRgb(v);
  if (!rgb) return '#6b6f76';
  const [r, g, b] = rgb.map((c) => c / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? '#1f2328' : '#ffffff';
}

/** The first characters of a doc_id: "sha256:" and 12 hex digits tell documents apart at a glance (as the CLI shows them). */
export function shortDocId(docId: string): string {
  const SHOWN = 19;
  return docId.length > SHOWN ? docId.slice(0, SHOWN) + '…' : docId;
}
