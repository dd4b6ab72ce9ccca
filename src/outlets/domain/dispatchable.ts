import { chineseNames } from '../../common/labels';
import { OUTLET_STATUS_LABELS, type OutletKind, type OutletStatus } from './outlet-fields';

/** What the dispatch rules read of an outlet. */
export interface DispatchRelevantOutlet {
  status: OutletStatus;
  kind: OutletKind;
  agreementNumber: string | null;
  agreementValidFrom: string | null;
  agreementValidUntil: string | null;
  licenceValidUntil: string | null;
}

export type AgreementField = 'agreementNumber' | 'agreementValidFrom' | 'agreementValidUntil';

/** Why a service agreement is not valid on a day: which field, and what is wrong with it. */
export interface AgreementProblem {
  field: AgreementField;
  problem: 'missing' | 'expired' | 'not_yet_valid';
}

export interface Dispatchability {
  dispatchable: boolean;
  /** Why not, in Chinese, for the dispatcher; empty when dispatchable. */
  reasons: string[];
}

const STATUS_NAMES = chineseNames(OUTLET_STATUS_LABELS);

/**
 * Whether the service agreement is valid on `today`: it has a number and an end date on or after
 * today, and has started (an agreement without a start date counts from its signing).
 */
export function agreementProblems(
  outlet: Pick<DispatchRelevantOutlet, AgreementField>,
  today: string,
): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (!outlet.agreementNumber) problems.push({ field: 'agreementNumber', problem: 'missing' });
  if (!outlet.agreementValidUntil) problems.push({ field: 'agreementValidUntil', problem: 'missing' });
  else if (outlet.agreementValidUntil < today) {
    problems.push({ field: 'agreementValidUntil', problem: 'expired' });
  }
  if (outlet.agreementValidFrom && outlet.agreementValidFrom > today) {
    problems.push({ field: 'agreementValidFrom', problem: 'not_yet_valid' });
  }
  return problems;
}

function describeAgreementProblem(problem: AgreementProblem, outlet: DispatchRelevantOutlet): string {
  switch (problem.field) {
    case 'agreementNumber':
      return '委外网点未登记服务协议编号';
    case 'agreementValidUntil':
      return problem.problem === 'missing'
        ? '委外网点的服务协议未登记有效期'
        : `委外网点的服务协议已于 ${outlet.agreementValidUntil} 到期`;
    case 'agreementValidFrom':
      return `委外网点的服务协议自 ${outlet.agreementValidFrom} 起才生效`;
  }
}

/**
 * Whether jobs may be dispatched to an outlet on a day (YYYY-MM-DD in the company's zone): it must
 * be operating, and an outsourced outlet needs a service agreement and a business licence valid that day.
 */
export function dispatchability(outlet: DispatchRelevantOutlet, today: string): Dispatchability {
  const reasons: string[] = [];
  if (outlet.status !== 'active') reasons.push(`网点未在运营（当前状态：${STATUS_NAMES[outlet.status]}）`);
  if (outlet.kind === 'outsourced') {
    reasons.push(
      ...agreementProblems(outlet, today).map((problem) => describeAgreementProblem(problem, outlet)),
    );
    if (outlet.licenceValidUntil && outlet.licenceValidUntil < today) {
      reasons.push(`委外网点的营业执照已于 ${outlet.licenceValidUntil} 到期`);
    }
  }
  return { dispatchable: reasons.length === 0, reasons };
}
