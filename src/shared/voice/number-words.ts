/**
 * Whole rupiah amounts as spoken words, in Indonesian and English, as a list of tokens from
 * a closed vocabulary. The tokens name the recorded clips the announcement joins, so every
 * word the app can ever say is one of the lists below (a test checks each has a clip).
 *
 * Hand-written rather than taken from npm: the packages return one string (and English ones
 * hyphenate "twenty-five" and add commas), while the clips need the token list; the test
 * checks these words against two npm converters as independent references.
 */

export const ID_WORDS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
  'belas',
  'puluh',
  'seratus',
  'ratus',
  'seribu',
  'ribu',
  'juta',
  'miliar',
] as const;
export type IdWord = (typeof ID_WORDS)[number];

export const EN_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'thousand',
  'million',
  'billion',
] as const;
export type EnWord = (typeof EN_WORDS)[number];

/** Up to 999.999.999.999: far above any payment method's limit (Rp 50 juta today). */
export const MAX_SPOKEN = 999_999_999_999;

function check(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_SPOKEN) {
    throw new RangeError(`cannot say ${n}: whole numbers from 0 to ${MAX_SPOKEN} only`);
  }
}

const ID_UNITS: readonly IdWord[] = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];

/** 1..999 in Indonesian. */
function idBelowThousand(n: number): IdWord[] {
  const out: IdWord[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) out.push('seratus');
  else if (hundreds > 1) out.push(ID_UNITS[hundreds]!, 'ratus');
  if (rest === 0) return out;
  if (rest < 10) out.push(ID_UNITS[rest]!);
  else if (rest === 10) out.push('sepuluh');
  else if (rest === 11) out.push('sebelas');
  else if (rest < 20) out.push(ID_UNITS[rest - 10]!, 'belas');
  else {
    out.push(ID_UNITS[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) out.push(ID_UNITS[rest % 10]!);
  }
  return out;
}

/** 25000 -> ['dua', 'puluh', 'lima', 'ribu']; 1000 -> ['seribu']; 0 -> ['nol']. */
export function indonesianWords(n: number): IdWord[] {
  check(n);
  if (n === 0) return ['nol'];
  const out: IdWord[] = [];
  const scales: [number, IdWord][] = [
    [1_000_000_000, 'miliar'],
    [1_000_000, 'juta'],
  ];
  let rest = n;
  for (const [size, word] of scales) {
    const group = Math.floor(rest / size);
    rest %= size;
    if (group) out.push(...idBelowThousand(group), word);
  }
  const thousands = Math.floor(rest / 1000);
  rest %= 1000;
  // "seribu" only when the thousands group is exactly one: 101.000 is "seratus satu ribu".
  if (thousands === 1) out.push('seribu');
  else if (thousands > 1) out.push(...idBelowThousand(thousands), 'ribu');
  if (rest) out.push(...idBelowThousand(rest));
  return out;
}

const EN_SMALL: readonly EnWord[] = EN_WORDS.slice(0, 20);
const EN_TENS: readonly EnWord[] = [
  'zero',
  'ten',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];

function enBelowThousand(n: number): EnWord[] {
  const out: EnWord[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) out.push(EN_SMALL[hundreds]!, 'hundred');
  if (rest === 0) return out;
  if (rest < 20) out.push(EN_SMALL[rest]!);
  else {
    out.push(EN_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) out.push(EN_SMALL[rest % 10]!);
  }
  return out;
}

/** 25000 -> ['twenty', 'five', 'thousand'] (short scale, no "and"). */
export function englishWords(n: number): EnWord[] {
  check(n);
  if (n === 0) return ['zero'];
  const out: EnWord[] = [];
  const scales: [number, EnWord | null][] = [
    [1_000_000_000, 'billion'],
    [1_000_000, 'million'],
    [1000, 'thousand'],
    [1, null],
  ];
  let rest = n;
  for (const [size, word] of scales) {
    const group = Math.floor(rest / size);
    rest %= size;
    if (!group) continue;
    out.push(...enBelowThousand(group));
    if (word) out.push(word);
  }
  return out;
}

/** The words as text: Indonesian spaced, English with "twenty-five" hyphenated. */
export function indonesianText(n: number): string {
  return indonesianWords(n).join(' ');
}

export function englishText(n: number): string {
  const tens = new Set<string>(EN_TENS.slice(2));
  const words = englishWords(n);
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (tens.has(w) && next && EN_WORDS.indexOf(next) >= 1 && EN_WORDS.indexOf(next) <= 9) {
      parts.push(`${w}-${next}`);
      i += 1;
    } else parts.push(w);
  }
  return parts.join(' ');
}
