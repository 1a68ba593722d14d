// Counts as people read them ("1 span", "2 spans", "1 match"): one helper, so no list says "1 spans".

/** English plural categories; the UI is in English. */
const RULES = new Intl.PluralRules('en');

/**
 * A count with its noun in the right number: `plural(1, 'span')` is "1 span",
 * `plural(3, 'match', 'matches')` is "3 matches". The plural defaults to the noun plus "s".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${RULES.select(n) === 'one' ? one : many}`;
}
