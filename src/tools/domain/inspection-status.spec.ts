import { ToolInspectionFacts, inspectionStatus } from './inspection-status';

const tool = (fields: Partial<ToolInspectionFacts>): ToolInspectionFacts => ({
  lastInspectionResult: 'passed',
  nextInspectionDue: '2027-06-01',
  ...fields,
});

describe('inspectionStatus', () => {
  it.each([
    [{ lastInspectionResult: null, nextInspectionDue: null }, 'never_inspected'],
    [{ nextInspectionDue: '2026-12-31' }, 'ok'],
    [{ nextInspectionDue: '2026-07-02' }, 'ok'],
    [{ nextInspectionDue: '2026-07-01' }, 'due'],
    [{ nextInspectionDue: '2026-06-01' }, 'due'],
    [{ nextInspectionDue: '2026-05-31' }, 'overdue'],
  ] as const)('%o on 2026-06-01: %s', (fields, expected) => {
    expect(inspectionStatus(tool(fields), '2026-06-01')).toBe(expected);
  });

  it('flags a tool whose latest inspection failed, whatever its earlier due date says', () => {
    expect(inspectionStatus(tool({ lastInspectionResult: 'failed' }), '2026-06-01')).toBe('failed');
    expect(
      inspectionStatus(tool({ lastInspectionResult: 'failed', nextInspectionDue: null }), '2026-06-01'),
    ).toBe('failed');
  });

  it('takes the warning window as a parameter', () => {
    expect(inspectionStatus(tool({ nextInspectionDue: '2026-06-08' }), '2026-06-01', 7)).toBe('due');
    expect(inspectionStatus(tool({ nextInspectionDue: '2026-06-09' }), '2026-06-01', 7)).toBe('ok');
  });
});
