import {
  changeWarrantyOverride,
  effectiveWarrantyEnd,
  standardWarrantyEnd,
  warrantyStatus,
} from './warranty';

describe('standardWarrantyEnd', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-05-31', 240, '2046-05-31'],
  ])('%s + %i months = %s', (soldOn, months, end) => {
    expect(standardWarrantyEnd(soldOn, months)).toBe(end);
  });

  it('refuses negative or fractional months', () => {
    expect(() => standardWarrantyEnd('2026-01-01', -1)).toThrow(RangeError);
    expect(() => standardWarrantyEnd('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('effectiveWarrantyEnd', () => {
  it('is the override when there is one, the standard end otherwise', () => {
    expect(effectiveWarrantyEnd({ standardWarrantyEnd: '2027-01-15', warrantyEndOverride: null })).toBe(
      '2027-01-15',
    );
    expect(
      effectiveWarrantyEnd({ standardWarrantyEnd: '2027-01-15', warrantyEndOverride: '2029-01-15' }),
    ).toBe('2029-01-15');
  });
});

describe('warrantyStatus', () => {
  it('counts the end day as the last day in warranty and the next day as the first out', () => {
    expect(warrantyStatus('2027-01-15', '2027-01-14')).toBe('in_warranty');
    expect(warrantyStatus('2027-01-15', '2027-01-15')).toBe('in_warranty');
    expect(warrantyStatus('2027-01-15', '2027-01-16')).toBe('out_of_warranty');
  });

  it('crosses month and year ends correctly', () => {
    expect(warrantyStatus('2026-12-31', '2027-01-01')).toBe('out_of_warranty');
    expect(warrantyStatus('2028-02-29', '2028-02-29')).toBe('in_warranty');
    expect(warrantyStatus('2028-02-29', '2028-03-01')).toBe('out_of_warranty');
  });

  it('with 0 warranty months a unit is in warranty on its sale day only', () => {
    const end = standardWarrantyEnd('2026-03-10', 0);
    expect(warrantyStatus(end, '2026-03-10')).toBe('in_warranty');
    expect(warrantyStatus(end, '2026-03-11')).toBe('out_of_warranty');
  });
});

describe('changeWarrantyOverride', () => {
  const none = { warrantyEndOverride: null, warrantyOverrideReason: null };
  const extended = { warrantyEndOverride: '2029-01-15', warrantyOverrideReason: '延保合同 YB-001' };

  it('sets an override together with its trimmed reason', () => {
    expect(
      changeWarrantyOverride(none, {
        warrantyEndOverride: '2029-01-15',
        warrantyOverrideReason: ' 延保合同 ',
      }),
    ).toEqual({ ok: true, value: { warrantyEndOverride: '2029-01-15', warrantyOverrideReason: '延保合同' } });
  });

  it('refuses an override date without a reason, even when an earlier override had one', () => {
    expect(changeWarrantyOverride(none, { warrantyEndOverride: '2029-01-15' }).ok).toBe(false);
    expect(
      changeWarrantyOverride(none, { warrantyEndOverride: '2029-01-15', warrantyOverrideReason: '  ' }).ok,
    ).toBe(false);
    expect(changeWarrantyOverride(extended, { warrantyEndOverride: '2030-01-15' }).ok).toBe(false);
  });

  it('clears the reason with the override', () => {
    expect(changeWarrantyOverride(extended, { warrantyEndOverride: null })).toEqual({
      ok: true,
      value: none,
    });
  });

  it('leaves the override alone when the change does not mention it, answering its two fields only', () => {
    const asset = { ...extended, soldOn: '2026-01-15' };
    expect(changeWarrantyOverride(asset, {})).toEqual({ ok: true, value: extended });
    expect(changeWarrantyOverride(asset, { warrantyOverrideReason: '客诉补偿' })).toEqual({
      ok: true,
      value: { ...extended, warrantyOverrideReason: '客诉补偿' },
    });
  });

  it('rewords the reason of an override in force, but never removes it alone', () => {
    expect(changeWarrantyOverride(extended, { warrantyOverrideReason: '客诉补偿' })).toEqual({
      ok: true,
      value: { ...extended, warrantyOverrideReason: '客诉补偿' },
    });
    expect(changeWarrantyOverride(extended, { warrantyOverrideReason: null }).ok).toBe(false);
  });

  it('refuses a reason without an override', () => {
    expect(changeWarrantyOverride(none, { warrantyOverrideReason: '客诉补偿' }).ok).toBe(false);
  });
});
