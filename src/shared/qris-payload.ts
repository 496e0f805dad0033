import { tlv, withCrc } from './qris';

/**
 * A dynamic QRIS payload shaped like the guide's sample (acquirer template 26, national
 * template 51, MCC 7929, merchant "Pakasir"), encoding the total the customer pays: the
 * simulator's QR, and the one the windows encode to keep their QR encoder compiled.
 */
export function buildQrisPayload(opts: { total: number; reference: string; merchantId: string }): string {
  const acquirer =
    tlv('00', 'ID.CO.SHOPEE.WWW') +
    tlv('01', `93600918${opts.merchantId.padStart(10, '0').slice(-10)}`) +
    tlv('02', opts.merchantId) +
    tlv('03', 'UME');
  const national =
    tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', `ID${opts.merchantId.padStart(13, '0').slice(-13)}`) + tlv('03', 'UME');
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('26', acquirer) +
    tlv('51', national) +
    tlv('52', '7929') +
    tlv('53', '360') +
    tlv('54', `${opts.total}.00`) +
    tlv('58', 'ID') +
    tlv('59', 'Pakasir') +
    tlv('60', 'KAB. KEBUMEN') +
    tlv('61', '54392') +
    tlv('62', tlv('05', opts.reference.slice(0, 25)));
  return withCrc(body);
}
