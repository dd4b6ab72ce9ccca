import type { Labels } from '../../common/labels';
import type { Cause, TicketWarrantyStatus } from './ticket-fields';

/** One part line of the work logs, at the fee list's prices when it was used. */
export interface ChargeablePart {
  partId: string;
  code: string;
  name: string;
  quantity: number;
  unitPrice: number;
  labourFee: number;
}

export interface ChargeLine extends ChargeablePart {
  partsAmount: number;
  labourAmount: number;
}

export type ChargeBasis = 'free_in_warranty' | 'chargeable_out_of_warranty' | 'chargeable_human_damage';

export const CHARGE_BASIS_LABELS: Labels<ChargeBasis> = {
  free_in_warranty: { zh: '保修期内免费', en: 'Free in warranty' },
  chargeable_out_of_warranty: { zh: '保修期外收费', en: 'Charged: out of warranty' },
  chargeable_human_damage: { zh: '人为损坏收费', en: 'Charged: human damage' },
};

/** The charge breakdown stored with a resolved ticket (amounts in yuan, to the fen). */
export interface Charges {
  basis: ChargeBasis;
  lines: ChargeLine[];
  partsTotal: number;
  labourTotal: number;
  /** What the customer pays: zero when free, otherwise parts plus labour. */
  total: number;
}

const toFen = (yuan: number): number => Math.round(yuan * 100);
const toYuan = (fen: number): number => fen / 100;

/**
 * Why the customer pays or not: free in warranty unless the cause is human damage; a unit whose
 * warranty cannot be shown (not in the asset register) is charged like one out of warranty.
 */
export function chargeBasis(warranty: TicketWarrantyStatus, cause: Cause | null): ChargeBasis {
  if (cause === 'human_damage') return 'chargeable_human_damage';
  return warranty === 'in_warranty' ? 'free_in_warranty' : 'chargeable_out_of_warranty';
}

/**
 * Charges from the fee list (维修收费标准): each part at its list price times the quantity, plus the
 * part's labour fee per unit fitted. Summed in fen so that totals never drift by rounding.
 */
export function computeCharges(
  warranty: TicketWarrantyStatus,
  cause: Cause | null,
  parts: readonly ChargeablePart[],
): Charges {
  const basis = chargeBasis(warranty, cause);
  const lines = parts.map((part) => ({
    ...part,
    partsAmount: toYuan(toFen(part.unitPrice) * part.quantity),
    labourAmount: toYuan(toFen(part.labourFee) * part.quantity),
  }));
  const partsFen = lines.reduce((sum, line) => sum + toFen(line.partsAmount), 0);
  const labourFen = lines.reduce((sum, line) => sum + toFen(line.labourAmount), 0);
  return {
    basis,
    lines,
    partsTotal: toYuan(partsFen),
    labourTotal: toYuan(labourFen),
    total: basis === 'free_in_warranty' ? 0 : toYuan(partsFen + labourFen),
  };
}
