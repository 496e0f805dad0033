import { z } from 'zod';
import { MAX_CART_LINES, MAX_QTY } from '../items';
import { MAX_AMOUNT } from '../methods';
import { ORDER_ID_PATTERN } from '../order-id';

/**
 * `sale.lines`, schema 1: what was sold in a sale, line by line, with the name and price as
 * they were at the sale. Queued in the same transaction that writes the sale, so the shop
 * server never holds a sale's lines without the sale, nor the reverse. `saleId` is the counter
 * sale or, for a sale made without one, its order id.
 */
export const SALE_LINES_KIND = 'sale.lines';
export const SALE_LINES_SCHEMA = 1;

const price = z.number().int().min(1).max(MAX_AMOUNT);

export const saleLinesSchema = z
  .strictObject({
    saleId: z.string().regex(ORDER_ID_PATTERN),
    lines: z
      .array(
        z.strictObject({
          lineNo: z.number().int().min(1).max(MAX_CART_LINES),
          itemId: z.string().max(40).nullable(),
          name: z.string().min(1).max(60),
          unitPrice: price,
          qty: z.number().int().min(1).max(MAX_QTY),
          total: z.number().int().min(1).max(MAX_AMOUNT),
        }),
      )
      .min(1)
      .max(MAX_CART_LINES),
    total: price,
    at: z.string().max(40),
  })
  .refine((p) => p.lines.every((l) => l.total === l.unitPrice * l.qty), 'a line total is not its price times quantity')
  .refine((p) => p.lines.reduce((sum, l) => sum + l.total, 0) === p.total, 'the lines do not add up to the total');
export type SaleLinesPayload = z.infer<typeof saleLinesSchema>;
