import type { AssessmentItemResponse } from './dto/assessment-response.dto';
import { figure, itemResult } from './assessment-report';

const item = (fields: Partial<AssessmentItemResponse>): AssessmentItemResponse => ({
  code: 'repair',
  indicator: 'repair',
  title: '维修记录完整',
  points: 8,
  type: 'sampled',
  evidenceTypes: ['repair-records'],
  applicable: true,
  exclusionReason: null,
  conforms: null,
  checked: null,
  nonConforming: null,
  nonConformingRecords: [],
  sampleBasis: null,
  findings: null,
  evidence: [],
  recordedAt: null,
  recordedBy: null,
  status: 'pending',
  earned: 0,
  lost: 0,
  pending: 8,
  scoreCost: 0,
  ...fields,
});

describe('figure', () => {
  it('prints a score exactly as scored when four decimals say it', () => {
    expect(figure(91.75)).toBe('91.75');
    expect(figure(93.75)).toBe('93.75');
    expect(figure(100)).toBe('100');
    expect(figure(-3)).toBe('-3');
  });

  it('drops floating-point noise, and marks a figure it had to round', () => {
    expect(figure(0.1 + 0.2)).toBe('0.3');
    expect(figure((2 / 96) * 100)).toBe('≈2.0833');
    expect(figure((8 * 2) / 3)).toBe('≈5.3333');
  });

  it('prints a dash for no score', () => {
    expect(figure(null)).toBe('—');
  });
});

describe('itemResult', () => {
  it('says what a sampled item found: all conforming, or k of n', () => {
    const sampled = { checked: 8, status: 'partly_conforming' as const };
    expect(itemResult(item({ ...sampled, nonConforming: 2 }), 'zh')).toBe('抽查 8 份，2 份不符合');
    expect(itemResult(item({ ...sampled, nonConforming: 2 }), 'en')).toBe('2 of 8 checked non-conforming');
    expect(itemResult(item({ checked: 4, nonConforming: 0, status: 'conforming' }), 'zh')).toBe(
      '抽查 4 份，全部符合',
    );
  });

  it('says whether a qualitative item conforms', () => {
    const qualitative = { type: 'qualitative' as const };
    expect(itemResult(item({ ...qualitative, conforms: true, status: 'conforming' }), 'zh')).toBe('符合');
    expect(itemResult(item({ ...qualitative, conforms: false, status: 'non_conforming' }), 'en')).toBe(
      'Does not conform',
    );
  });

  it('gives an exclusion with its reason, and an item not yet assessed as pending', () => {
    const excluded = item({ applicable: false, exclusionReason: '不经营回收', status: 'excluded' });
    expect(itemResult(excluded, 'zh')).toBe('删减：不经营回收');
    expect(itemResult(excluded, 'en')).toBe('Excluded: 不经营回收');
    expect(itemResult(item({}), 'zh')).toBe('待评价');
  });
});
