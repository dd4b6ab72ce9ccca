import type { Labels } from '../../common/labels';
import { INDICATOR_LABELS, INDICATORS, type Indicator } from '../../evidence/domain/evidence-types';

/**
 * The fixed structure of GB/T 27922 (GBT27922.md §1): three categories and fifteen indicators. What a
 * certification body varies is the points and the scoring items under each indicator (the rule set);
 * the indicators themselves are the standard's, so KPIs and evidence attach to them in every rule set.
 */
export const CATEGORIES = ['service-system', 'product-service', 'customer-service'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Labels<Category> = {
  'service-system': { zh: '售后服务体系', en: 'After-sales service system' },
  'product-service': { zh: '商品服务', en: 'Product service' },
  'customer-service': { zh: '顾客服务', en: 'Customer service' },
};

export const CATEGORY_OF: Readonly<Record<Indicator, Category>> = {
  organization: 'service-system',
  staffing: 'service-system',
  resources: 'service-system',
  norms: 'service-system',
  supervision: 'service-system',
  improvement: 'service-system',
  culture: 'service-system',
  'product-info': 'product-service',
  'tech-support': 'product-service',
  delivery: 'product-service',
  repair: 'product-service',
  quality: 'product-service',
  recycling: 'product-service',
  'customer-relations': 'customer-service',
  complaints: 'customer-service',
};

/** A category or indicator as a checklist names it: its code, or its Chinese name. */
export function categoryNamed(name: string): Category | null {
  const trimmed = name.trim();
  return CATEGORIES.find((code) => code === trimmed || CATEGORY_LABELS[code].zh === trimmed) ?? null;
}

export function indicatorNamed(name: string): Indicator | null {
  const trimmed = name.trim();
  return INDICATORS.find((code) => code === trimmed || INDICATOR_LABELS[code].zh === trimmed) ?? null;
}
