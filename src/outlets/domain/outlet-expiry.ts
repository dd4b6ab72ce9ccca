import type { ExpiringItem } from '../../common/expiry/expiry-sources';

/** What the expiry alerts read of an outlet's qualification file. */
export interface OutletFileValidity {
  id: string;
  code: string;
  name: string;
  agreementNumber: string | null;
  agreementValidUntil: string | null;
  licenceNumber: string | null;
  licenceValidUntil: string | null;
}

export interface StaffCertificateValidity {
  id: string;
  name: string;
  certificateNumber: string | null;
  certificateValidUntil: string | null;
}

const numbered = (number: string | null) => (number ? `（编号 ${number}）` : '（未登记编号）');

/** The outlet's service agreement and business licence, each when its validity ends on or before `until`. */
export function outletFileExpiries(outlet: OutletFileValidity, until: string): ExpiringItem[] {
  const label = `网点 ${outlet.code} ${outlet.name}`;
  const items: ExpiringItem[] = [];
  if (outlet.agreementValidUntil !== null && outlet.agreementValidUntil <= until) {
    items.push({
      subjectType: 'outlet',
      subjectId: outlet.id,
      item: 'agreement',
      validUntil: outlet.agreementValidUntil,
      description: `${label}的服务协议${numbered(outlet.agreementNumber)}`,
    });
  }
  if (outlet.licenceValidUntil !== null && outlet.licenceValidUntil <= until) {
    items.push({
      subjectType: 'outlet',
      subjectId: outlet.id,
      item: 'licence',
      validUntil: outlet.licenceValidUntil,
      description: `${label}的营业执照${numbered(outlet.licenceNumber)}`,
    });
  }
  return items;
}

/** A trained person's certificate on the outlet's file, when its validity ends on or before `until`. */
export function staffCertificateExpiry(
  outlet: Pick<OutletFileValidity, 'code' | 'name'>,
  staff: StaffCertificateValidity,
  until: string,
): ExpiringItem | null {
  if (staff.certificateValidUntil === null || staff.certificateValidUntil > until) return null;
  return {
    subjectType: 'outlet_staff',
    subjectId: staff.id,
    item: 'staff-certificate',
    validUntil: staff.certificateValidUntil,
    description: `网点 ${outlet.code} ${outlet.name}培训人员${staff.name}的证书${numbered(staff.certificateNumber)}`,
  };
}
