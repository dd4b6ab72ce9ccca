import { type DispatchRelevantOutlet, agreementProblems, dispatchability } from './dispatchable';
import { OUTLET_STATUSES } from './outlet-fields';

const TODAY = '2026-06-15';

const outlet = (fields: Partial<DispatchRelevantOutlet> = {}): DispatchRelevantOutlet => ({
  status: 'active',
  kind: 'outsourced',
  agreementNumber: 'FW-2026-01',
  agreementValidFrom: '2026-01-01',
  agreementValidUntil: '2026-12-31',
  licenceValidUntil: '2030-01-01',
  ...fields,
});

describe('dispatchability', () => {
  it('is dispatchable when active with a valid agreement and licence', () => {
    expect(dispatchability(outlet(), TODAY)).toEqual({ dispatchable: true, reasons: [] });
  });

  it.each(OUTLET_STATUSES.filter((status) => status !== 'active'))(
    'is not dispatchable when %s',
    (status) => {
      const result = dispatchability(outlet({ status, kind: 'own' }), TODAY);
      expect(result.dispatchable).toBe(false);
      expect(result.reasons).toHaveLength(1);
      expect(result.reasons[0]).toContain('网点未在运营');
    },
  );

  it('asks an own outlet only to be active', () => {
    const own = outlet({
      kind: 'own',
      agreementNumber: null,
      agreementValidFrom: null,
      agreementValidUntil: null,
      licenceValidUntil: '2020-01-01',
    });
    expect(dispatchability(own, TODAY)).toEqual({ dispatchable: true, reasons: [] });
  });

  it('counts the first and last day of the agreement as valid', () => {
    expect(dispatchability(outlet({ agreementValidFrom: TODAY }), TODAY).dispatchable).toBe(true);
    expect(dispatchability(outlet({ agreementValidUntil: TODAY }), TODAY).dispatchable).toBe(true);
  });

  it.each<[string, Partial<DispatchRelevantOutlet>, string]>([
    [
      'the agreement expired yesterday',
      { agreementValidUntil: '2026-06-14' },
      '服务协议已于 2026-06-14 到期',
    ],
    ['the agreement starts tomorrow', { agreementValidFrom: '2026-06-16' }, '服务协议自 2026-06-16 起才生效'],
    ['no agreement number', { agreementNumber: null }, '未登记服务协议编号'],
    ['no agreement end date', { agreementValidUntil: null }, '服务协议未登记有效期'],
    ['the licence expired yesterday', { licenceValidUntil: '2026-06-14' }, '营业执照已于 2026-06-14 到期'],
  ])('blocks an outsourced outlet when %s', (_case, fields, reason) => {
    const result = dispatchability(outlet(fields), TODAY);
    expect(result.dispatchable).toBe(false);
    expect(result.reasons).toEqual([expect.stringContaining(reason)]);
  });

  it('does not block on a licence valid today or not recorded', () => {
    expect(dispatchability(outlet({ licenceValidUntil: TODAY }), TODAY).dispatchable).toBe(true);
    expect(dispatchability(outlet({ licenceValidUntil: null }), TODAY).dispatchable).toBe(true);
  });

  it('gives every reason at once', () => {
    const result = dispatchability(
      outlet({ status: 'suspended', agreementNumber: null, licenceValidUntil: '2026-01-01' }),
      TODAY,
    );
    expect(result.reasons).toHaveLength(3);
  });
});

describe('agreementProblems', () => {
  it('lists nothing for a valid agreement, and an agreement without a start date counts', () => {
    expect(agreementProblems(outlet(), TODAY)).toEqual([]);
    expect(agreementProblems(outlet({ agreementValidFrom: null }), TODAY)).toEqual([]);
  });

  it('names every missing field of an empty agreement', () => {
    const empty = outlet({ agreementNumber: null, agreementValidFrom: null, agreementValidUntil: null });
    expect(agreementProblems(empty, TODAY)).toEqual([
      { field: 'agreementNumber', problem: 'missing' },
      { field: 'agreementValidUntil', problem: 'missing' },
    ]);
  });
});
