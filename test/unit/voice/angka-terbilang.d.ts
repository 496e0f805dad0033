// The package ships no types; it is a test-only reference for the Indonesian words.
declare module '@develoka/angka-terbilang-js' {
  export default function angkaTerbilang(value: number | string): string;
}
