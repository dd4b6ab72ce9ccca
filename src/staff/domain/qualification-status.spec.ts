import { CertificateFacts, certificateStatus, technicianQualification } from './qualification-status';

const certificate = (fields: Partial<CertificateFacts> = {}): CertificateFacts => ({
  active: true,
  issuedOn: '2024-01-01',
  validUntil: '2026-12-31',
  productCategories: ['空调'],
  ...fields,
});

describe('certificateStatus', () => {
  it.each([
    [null, '2026-06-01', 'no_expiry'],
    ['2026-12-31', '2026-06-01', 'valid'],
    ['2026-07-02', '2026-06-01', 'valid'],
    ['2026-07-01', '2026-06-01', 'expiring'],
    ['2026-06-01', '2026-06-01', 'expiring'],
    ['2026-05-31', '2026-06-01', 'expired'],
  ])('valid until %s, on %s: %s', (validUntil, today, expected) => {
    expect(certificateStatus(validUntil, today)).toBe(expected);
  });

  it('takes the warning window as a parameter', () => {
    expect(certificateStatus('2026-06-08', '2026-06-01', 7)).toBe('expiring');
    expect(certificateStatus('2026-06-09', '2026-06-01', 7)).toBe('valid');
  });
});

describe('technicianQualification', () => {
  it('is qualified by a covering certificate in force, whatever else has expired', () => {
    const certificates = [certificate({ validUntil: '2025-01-01' }), certificate({ validUntil: null })];
    expect(technicianQualification(certificates, '空调', '2026-06-01')).toBe('qualified');
  });

  it('counts the last valid day as qualified and the day after as expired', () => {
    const certificates = [certificate({ validUntil: '2026-06-01' })];
    expect(technicianQualification(certificates, '空调', '2026-06-01')).toBe('qualified');
    expect(technicianQualification(certificates, '空调', '2026-06-02')).toBe('expired');
  });

  it('is missing when no certificate covers the category, including general ones', () => {
    const certificates = [
      certificate({ productCategories: ['冰箱'] }),
      certificate({ productCategories: [] }),
    ];
    expect(technicianQualification(certificates, '空调', '2026-06-01')).toBe('missing');
    expect(technicianQualification([], '空调', '2026-06-01')).toBe('missing');
  });

  it('ignores deactivated certificates', () => {
    expect(technicianQualification([certificate({ active: false })], '空调', '2026-06-01')).toBe('missing');
    const expiredAndRevoked = [certificate({ validUntil: '2025-01-01' }), certificate({ active: false })];
    expect(technicianQualification(expiredAndRevoked, '空调', '2026-06-01')).toBe('expired');
  });

  it('does not count a certificate before the day it was issued', () => {
    const certificates = [certificate({ issuedOn: '2026-07-01', validUntil: '2029-06-30' })];
    expect(technicianQualification(certificates, '空调', '2026-06-01')).toBe('missing');
    expect(technicianQualification(certificates, '空调', '2026-07-01')).toBe('qualified');
  });
});
