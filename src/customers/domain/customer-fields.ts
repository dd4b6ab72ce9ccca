import type { Labels } from '../../common/labels';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** Service zones: on-site commitments differ by zone (SPEC §2). */
export const ZONES = ['urban', 'suburban', 'rural'] as const;
export type Zone = (typeof ZONES)[number];

export const ZONE_LABELS: Labels<Zone> = {
  urban: { zh: '市区', en: 'Urban' },
  suburban: { zh: '郊区', en: 'Suburban' },
  rural: { zh: '农村', en: 'Rural' },
};
