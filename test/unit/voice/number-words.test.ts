import angkaTerbilang from '@develoka/angka-terbilang-js';
import numberToWords from 'number-to-words';
import { describe, expect, it } from 'vitest';
import {
  englishText,
  englishWords,
  indonesianText,
  indonesianWords,
  MAX_SPOKEN,
} from '../../../src/shared/voice/number-words';
import { seededRandom } from '../../../testkit/random';

describe('amounts in Indonesian words', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [1_000, 'seribu'],
    [1_001, 'seribu satu'],
    [1_100, 'seribu seratus'],
    [11_000, 'sebelas ribu'],
    [25_000, 'dua puluh lima ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_250_500, 'satu juta dua ratus lima puluh ribu lima ratus'],
    [10_000_000, 'sepuluh juta'],
    [
      999_999_999,
      'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
    ],
    [1_000_000_000, 'satu miliar'],
    [2_001_000_000, 'dua miliar satu juta'],
  ])('%i is "%s"', (n, words) => {
    expect(indonesianText(n)).toBe(words);
  });

  it('agrees with an independent converter (@develoka/angka-terbilang-js) on 2,000 amounts', () => {
    const random = seededRandom(16);
    for (let i = 0; i < 2000; i++) {
      const digits = 1 + Math.floor(random() * 9);
      const n = Math.floor(random() * 10 ** digits);
      expect(indonesianText(n), String(n)).toBe(angkaTerbilang(n));
    }
  });
});

describe('amounts in English words', () => {
  it.each([
    [0, 'zero'],
    [11, 'eleven'],
    [15, 'fifteen'],
    [25, 'twenty-five'],
    [100, 'one hundred'],
    [1_000, 'one thousand'],
    [1_001, 'one thousand one'],
    [25_000, 'twenty-five thousand'],
    [1_250_500, 'one million two hundred fifty thousand five hundred'],
    [10_000_000, 'ten million'],
    [999_999_999, 'nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine'],
  ])('%i is "%s"', (n, words) => {
    expect(englishText(n)).toBe(words);
  });

  it('agrees with an independent converter (number-to-words) on 2,000 amounts', () => {
    const random = seededRandom(61);
    for (let i = 0; i < 2000; i++) {
      const digits = 1 + Math.floor(random() * 9);
      const n = Math.floor(random() * 10 ** digits);
      expect(englishText(n), String(n)).toBe(numberToWords.toWords(n).replace(/,/g, ''));
    }
  });

  it('speaks "twenty-five" as two clips', () => {
    expect(englishWords(25_000)).toEqual(['twenty', 'five', 'thousand']);
    expect(indonesianWords(25_000)).toEqual(['dua', 'puluh', 'lima', 'ribu']);
  });
});

describe('amounts that cannot be said', () => {
  it.each([-1, 1.5, Number.NaN, MAX_SPOKEN + 1])('%s is refused', (n) => {
    expect(() => indonesianWords(n)).toThrow(RangeError);
    expect(() => englishWords(n)).toThrow(RangeError);
  });
});
