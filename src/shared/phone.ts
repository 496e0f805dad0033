/**
 * An Indonesian phone number as WhatsApp's wa.me wants it: digits only, country code first,
 * no leading zero or plus. "0812-3456-7890", "+62 812 3456 7890" and "812 3456 7890" all
 * become "6281234567890". A number with another country code is kept as written (digits
 * only). null when it cannot be a phone number.
 */
export function normalizePhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return null;
  const plus = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (plus) {
    // "+62 0812..." is a common mix of both habits.
    if (digits.startsWith('620')) digits = `62${digits.slice(3)}`;
  } else if (digits.startsWith('0')) {
    digits = `62${digits.replace(/^0+/, '')}`;
  } else if (digits.startsWith('8')) {
    digits = `62${digits}`;
  }
  if (digits.startsWith('62')) {
    // Indonesian mobile numbers: 62 8xx, 9 to 12 digits after the country code.
    const rest = digits.slice(2);
    return /^8\d{8,11}$/.test(rest) ? digits : null;
  }
  return plus && /^[1-9]\d{7,14}$/.test(digits) ? digits : null;
}

/** The wa.me link that opens a chat with the number and the text typed in, or null. */
export function whatsAppUrl(phone: string, text: string): string | null {
  const number = normalizePhone(phone);
  if (!number) return null;
  return `https://wa.me/${number}?text=${encodeURIComponent(text)}`;
}
