/**
 * Bahasa Indonesia for a long task that failed (an export, a check with Pakasir) and for an
 * export's destination that cannot be written; mirrored key for key in jobs-en.ts. The place
 * is usually a flashdisk or a folder the owner chose, so each sentence says what to do there.
 */
export const jobsId = {
  'job.failed.export': 'Ekspor gagal, tidak ada berkas yang tersimpan. {reason}',
  'job.failed.reconcile': 'Pencocokan dengan Pakasir berhenti. {reason}',
  'job.failed.recovery': 'Pemeriksaan ulang penjualan berhenti. {reason}',
  'error.export_disk_full':
    'Tempat simpannya penuh, atau berkasnya terlalu besar untuk flashdisk/disk itu. Kosongkan sebagian, atau simpan ke tempat lain.',
  'error.export_not_writable': 'Folder ini tidak bisa diisi berkas. Pilih folder lain.',
  'error.export_folder_missing':
    'Folder tujuannya sudah tidak ada (mungkin flashdisk-nya dicabut). Colokkan lagi, atau pilih folder lain.',
  'error.export_write_failed': 'Berkas tidak bisa ditulis ke situ. Coba sekali lagi, atau simpan ke tempat lain.',
  'error.export_too_large':
    'Penjualannya terlalu banyak untuk satu lembar Excel (paling banyak 1.048.575). Pilih rentang tanggal yang lebih pendek, atau simpan sebagai CSV.',
} as const;
