import { INDICATORS } from '../../evidence/domain/evidence-types';
import { KPI_CODES, KPI_DEFINITIONS, isKpiCode, kpiDefinition } from './kpi-catalog';

describe('KPI catalog', () => {
  it('defines every code once, in the order of the codes', () => {
    expect(KPI_DEFINITIONS.map((definition) => definition.code)).toEqual([...KPI_CODES]);
  });

  it.each(KPI_DEFINITIONS.map((definition) => [definition.code, definition]))(
    '%s names indicators of the standard, titles and a definition in both languages',
    (_code, definition) => {
      expect(definition.indicators.length).toBeGreaterThan(0);
      for (const indicator of definition.indicators) expect(INDICATORS).toContain(indicator);
      for (const text of [definition.title, definition.definition]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      // A tally has no direction of its own only when it is neither good nor bad.
      if (definition.unit !== 'count') expect(definition.better).not.toBeNull();
    },
  );

  it('covers every KPI issue 8 asks for', () => {
    for (const code of [
      'response-compliance',
      'on-site-compliance',
      'resolve-compliance',
      'mean-time-to-repair',
      'first-time-fix',
      'repeat-repair-30d',
      'follow-up-coverage',
      'csat',
      'nps',
      'survey-response-rate',
      'complaint-acknowledged-on-time',
      'complaint-resolved-on-time',
      'reopen-rate',
      'major-complaints',
      'returns-vendor-turnaround',
      'returns-past-notice',
      'sanbao-repair-30d',
      'qualified-technicians',
      'service-manager-ratio',
      'training-hours-per-person',
      'staff-trained-this-year',
      'tools-inspected-on-time',
      'documents-review-in-date',
      'sales-region-coverage',
      'corrective-actions-closed',
    ]) {
      expect(isKpiCode(code)).toBe(true);
    }
  });

  it('knows its codes and no others', () => {
    expect(isKpiCode('csat')).toBe(true);
    expect(isKpiCode('happiness')).toBe(false);
    expect(() => kpiDefinition('happiness' as never)).toThrow();
  });
});
