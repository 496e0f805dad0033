import type { Language } from './domain';
import type { PrinterProblem } from './printing';

/**
 * One sentence per printer problem, saying what to do. Main puts them in its typed errors
 * and logs; the cashier window shows the same sentences through its dictionaries, so the
 * paper, the log and the screen never disagree.
 */
export const PRINTER_PROBLEM_TEXT: Record<Language, Record<PrinterProblem, string>> = {
  id: {
    not_configured: 'Printer belum diatur. Atur printer di Pengaturan → Printer.',
    refused:
      'Printer menolak sambungan. Pastikan alamat IP dan port benar dan tidak ada aplikasi lain yang sedang mencetak.',
    unreachable: 'Printer tidak ditemukan di jaringan. Periksa kabel LAN / Wi-Fi printer dan alamat IP-nya.',
    timeout: 'Printer tidak menjawab. Pastikan printer menyala dan tersambung ke jaringan yang sama.',
    no_answer: 'Printer tersambung tetapi tidak menjawab. Matikan lalu nyalakan lagi printer.',
    paper_out: 'Kertas printer habis. Ganti gulungan kertas; struk akan tercetak sendiri.',
    cover_open: 'Tutup printer terbuka. Tutup rapat; struk akan tercetak sendiri.',
    offline: 'Printer sedang tidak siap (offline). Periksa lampu printer, kertas, dan tutupnya.',
    printer_error: 'Printer melaporkan kerusakan (misalnya pisau pemotong macet). Matikan lalu nyalakan lagi printer.',
    os_print_failed: 'Komputer gagal mengirim struk ke printer. Periksa printer di pengaturan printer komputer.',
    os_printer_missing:
      'Printer yang dipilih tidak ada lagi di komputer ini. Pilih printer lain di Pengaturan → Printer.',
    bad_job: 'Struk ini tidak bisa dicetak. Cetak ulang dari Riwayat atau hubungi pemilik toko.',
  },
  en: {
    not_configured: 'No printer is set up. Set one up in Settings → Printer.',
    refused:
      'The printer refused the connection. Check its IP address and port, and that no other app is printing to it.',
    unreachable: 'The printer cannot be found on the network. Check its LAN cable or Wi-Fi and its IP address.',
    timeout: 'The printer does not answer. Make sure it is switched on and on the same network.',
    no_answer: 'The printer is connected but does not answer. Switch the printer off and on again.',
    paper_out: 'The printer is out of paper. Put in a new roll; the receipt will print by itself.',
    cover_open: 'The printer cover is open. Close it firmly; the receipt will print by itself.',
    offline: 'The printer is not ready (offline). Check its lights, paper and cover.',
    printer_error: 'The printer reports a fault (for example a jammed cutter). Switch it off and on again.',
    os_print_failed:
      "The computer could not send the receipt to the printer. Check the printer in the computer's settings.",
    os_printer_missing: 'The chosen printer is no longer on this computer. Choose another in Settings → Printer.',
    bad_job: 'This receipt cannot be printed. Print it again from History or ask the shop owner.',
  },
};
