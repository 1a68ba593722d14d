// Counts in messages ("1 span", "3 spans"): one helper instead of `n === 1 ? '' : 's'` written out everywhere.

/**
 * `n` and the word, plural unless `n` is exactly 1: `plural(1, 'span')` is "1 span",
 * `plural(3, 'span')` "3 spans". Give the plural form when it is not word + "s".
 */
export function plural(n: number, word: string, pluralForm = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralForm}`;
}
