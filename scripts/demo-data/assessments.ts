import type {
  AddAdjustmentDto,
  CreateAssessmentDto,
  RecordItemDto,
} from '../../src/assessments/dto/assessment-request.dto';
import type {
  AssessmentResponse,
  SuggestionsResponse,
} from '../../src/assessments/dto/assessment-response.dto';
import { MANAGER } from './people';
import { type SeedStep, daysFromToday } from './seed-step';

/** The one qualitative item the demo manager finds wanting, and why. */
const FAILING_ITEM = {
  code: 'supervision',
  findings: '委外网点的季度监督检查计划未按期执行，苏州网点本季度未检查。',
};

/**
 * 自评: the last quarter assessed as a service manager would, and frozen — the sampled items from the
 * records themselves where the system judges them (repair records, complaints, returned goods), the
 * certificates sampled by hand, the other items conforming but one, and a special deduction.
 */
export const assessmentsStep: SeedStep = {
  title: '售后服务自评 self-assessment',
  async run(context) {
    const manager = await context.as(MANAGER);
    const created = await manager.post<AssessmentResponse>('/assessments', {
      from: daysFromToday(context, -90),
      to: daysFromToday(context, -1),
      title: '上季度售后服务自评',
    } satisfies CreateAssessmentDto);
    const path = `/assessments/${created.id}`;
    let { version } = created;
    const { suggestions } = await manager.get<SuggestionsResponse>(`${path}/suggestions`);
    const judged = new Set(suggestions.filter((s) => s.population > 0).map((s) => s.itemCode));
    for (const item of created.items) {
      if (judged.has(item.code)) {
        ({ version } = await manager.post<AssessmentResponse>(`${path}/items/${item.code}/apply-suggestion`, {
          expectedVersion: version,
        }));
        continue;
      }
      const result: RecordItemDto =
        item.type === 'sampled'
          ? { applicable: true, checked: 4, nonConforming: 0, findings: '抽查 4 份，均符合要求。' }
          : item.code === FAILING_ITEM.code
            ? { applicable: true, conforms: false, findings: FAILING_ITEM.findings }
            : { applicable: true, conforms: true };
      ({ version } = await manager.put<AssessmentResponse>(`${path}/items/${item.code}`, {
        ...result,
        expectedVersion: version,
      }));
    }
    ({ version } = await manager.post<AssessmentResponse>(`${path}/adjustments`, {
      kind: 'deduction',
      category: 'own_rules',
      reason: '一张紧急工单超出承诺的上门时限，未按服务规范报备客户。',
      rectification: '调度规则增加上门时限预警，超时须当班报备。',
      expectedVersion: version,
    } satisfies AddAdjustmentDto));
    await manager.post<AssessmentResponse>(`${path}/freeze`, { expectedVersion: version });
    context.counted('assessments');
  },
};
