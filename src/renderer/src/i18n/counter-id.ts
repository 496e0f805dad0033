/**
 * Bahasa Indonesia for the counter: cash, split payment, shifts, the drawer, refunds, the
 * owner and cashiers, the Z report. Spread into id.ts, mirrored key for key in counter-en.ts.
 * Words a shopkeeper uses: tunai, kembalian, laci, modal awal, setor, kas keluar, shift.
 */
export const counterId = {
  'method.cash': 'Tunai',
  'error.owner_required': 'Hanya pemilik yang boleh. Masukkan PIN pemilik dulu.',
  'error.pin_wrong': 'PIN salah. Tidak ada yang berubah.',
  'error.pin_locked': 'Terlalu banyak PIN salah. Tunggu sebentar lalu coba lagi. Tidak ada yang berubah.',
  'error.no_shift': 'Buka shift dulu: uang tunai masuk ke laci yang sudah dihitung modal awalnya.',
} as const;
