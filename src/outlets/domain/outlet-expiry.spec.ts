import { type OutletFileValidity, outletFileExpiries, staffCertificateExpiry } from './outlet-expiry';

const outlet: OutletFileValidity = {
  id: 'outlet-1',
  code: 'WD-001',
  name: '上海浦东服务中心',
  agreementNumber: 'FW-2026-01',
  agreementValidUntil: '2026-06-30',
  licenceNumber: '91310115MA1K',
  licenceValidUntil: '2026-07-31',
};

describe('outletFileExpiries', () => {
  it('lists the agreement and licence ending on or before the date, described in Chinese', () => {
    expect(outletFileExpiries(outlet, '2026-07-31')).toEqual([
      {
        subjectType: 'outlet',
        subjectId: 'outlet-1',
        item: 'agreement',
        validUntil: '2026-06-30',
        description: '网点 WD-001 上海浦东服务中心的服务协议（编号 FW-2026-01）',
      },
      {
        subjectType: 'outlet',
        subjectId: 'outlet-1',
        item: 'licence',
        validUntil: '2026-07-31',
        description: '网点 WD-001 上海浦东服务中心的营业执照（编号 91310115MA1K）',
      },
    ]);
  });

  it('leaves out what runs past the date or has no end date', () => {
    expect(outletFileExpiries(outlet, '2026-06-29')).toEqual([]);
    expect(
      outletFileExpiries({ ...outlet, licenceValidUntil: null }, '2026-12-31').map((i) => i.item),
    ).toEqual(['agreement']);
  });

  it('says when the number is not recorded', () => {
    const [item] = outletFileExpiries({ ...outlet, agreementNumber: null }, '2026-06-30');
    expect(item?.description).toBe('网点 WD-001 上海浦东服务中心的服务协议（未登记编号）');
  });
});

describe('staffCertificateExpiry', () => {
  const staff = {
    id: 'staff-1',
    name: '张伟',
    certificateNumber: 'PX-7',
    certificateValidUntil: '2026-06-30',
  };

  it('lists a certificate ending on or before the date', () => {
    expect(staffCertificateExpiry(outlet, staff, '2026-06-30')).toEqual({
      subjectType: 'outlet_staff',
      subjectId: 'staff-1',
      item: 'staff-certificate',
      validUntil: '2026-06-30',
      description: '网点 WD-001 上海浦东服务中心培训人员张伟的证书（编号 PX-7）',
    });
  });

  it('leaves out a later certificate and a person without one', () => {
    expect(staffCertificateExpiry(outlet, staff, '2026-06-29')).toBeNull();
    expect(
      staffCertificateExpiry(outlet, { ...staff, certificateValidUntil: null }, '2026-06-30'),
    ).toBeNull();
  });
});
