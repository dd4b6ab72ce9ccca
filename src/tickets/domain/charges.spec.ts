import { type ChargeablePart, chargeBasis, computeCharges } from './charges';
import { CAUSES, TICKET_WARRANTY_STATUSES } from './ticket-fields';

const part = (fields: Partial<ChargeablePart>): ChargeablePart => ({
  partId: 'part-1',
  code: 'P-001',
  name: '压缩机',
  quantity: 1,
  unitPrice: 0,
  labourFee: 0,
  ...fields,
});

const COMPRESSOR = part({ partId: 'part-1', code: 'P-001', name: '压缩机', unitPrice: 120, labourFee: 30 });
const FILTER = part({
  partId: 'part-2',
  code: 'P-002',
  name: '滤网',
  unitPrice: 15.5,
  labourFee: 5,
  quantity: 2,
});

describe('chargeBasis', () => {
  const PAIRS = TICKET_WARRANTY_STATUSES.flatMap((warranty) =>
    [...CAUSES, null].map((cause) => {
      if (cause === 'human_damage') return [warranty, cause, 'chargeable_human_damage'] as const;
      if (warranty === 'in_warranty') return [warranty, cause, 'free_in_warranty'] as const;
      return [warranty, cause, 'chargeable_out_of_warranty'] as const;
    }),
  );

  it.each(PAIRS)('%s with cause %s → %s', (warranty, cause, basis) => {
    expect(chargeBasis(warranty, cause)).toBe(basis);
  });
});

describe('computeCharges', () => {
  it('charges nothing in warranty but still shows the breakdown', () => {
    expect(computeCharges('in_warranty', 'product_fault', [COMPRESSOR, FILTER])).toEqual({
      basis: 'free_in_warranty',
      lines: [
        { ...COMPRESSOR, partsAmount: 120, labourAmount: 30 },
        { ...FILTER, partsAmount: 31, labourAmount: 10 },
      ],
      partsTotal: 151,
      labourTotal: 40,
      total: 0,
    });
  });

  it('charges human damage even in warranty', () => {
    expect(computeCharges('in_warranty', 'human_damage', [COMPRESSOR, FILTER])).toMatchObject({
      basis: 'chargeable_human_damage',
      partsTotal: 151,
      labourTotal: 40,
      total: 191,
    });
  });

  it('charges a unit out of warranty', () => {
    expect(computeCharges('out_of_warranty', 'wear', [COMPRESSOR])).toMatchObject({
      basis: 'chargeable_out_of_warranty',
      total: 150,
    });
  });

  it('charges a unit whose warranty is unknown like one out of warranty', () => {
    expect(computeCharges('unknown', 'product_fault', [COMPRESSOR])).toMatchObject({
      basis: 'chargeable_out_of_warranty',
      total: 150,
    });
  });

  it('charges the labour fee per unit fitted', () => {
    const charges = computeCharges('out_of_warranty', null, [
      part({ unitPrice: 10, labourFee: 25, quantity: 3 }),
    ]);
    expect(charges.lines[0]).toMatchObject({ partsAmount: 30, labourAmount: 75 });
    expect(charges).toMatchObject({ partsTotal: 30, labourTotal: 75, total: 105 });
  });

  it('sums in fen, so prices like 0.1 and 0.2 add up exactly', () => {
    const charges = computeCharges('out_of_warranty', null, [
      part({ unitPrice: 0.1, labourFee: 0.2 }),
      part({ partId: 'part-2', unitPrice: 0.2, labourFee: 0.1 }),
      part({ partId: 'part-3', unitPrice: 0.1, labourFee: 0, quantity: 3 }),
    ]);
    expect(charges.lines[2]?.partsAmount).toBe(0.3);
    expect(charges.partsTotal).toBe(0.6);
    expect(charges.labourTotal).toBe(0.3);
    expect(charges.total).toBe(0.9);
  });

  it('multiplies to the fen: 3 × 33.33 is 99.99', () => {
    const charges = computeCharges('out_of_warranty', null, [
      part({ unitPrice: 33.33, labourFee: 33.33, quantity: 3 }),
    ]);
    expect(charges.lines[0]).toMatchObject({ partsAmount: 99.99, labourAmount: 99.99 });
    expect(charges).toMatchObject({ partsTotal: 99.99, labourTotal: 99.99, total: 199.98 });
  });

  it.each(TICKET_WARRANTY_STATUSES)('charges nothing when no parts were used (%s)', (warranty) => {
    expect(computeCharges(warranty, null, [])).toMatchObject({
      lines: [],
      partsTotal: 0,
      labourTotal: 0,
      total: 0,
    });
  });
});
