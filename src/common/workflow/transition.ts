import type { ErrorCode } from '../errors/domain-error';
import { DomainError } from '../errors/domain-error';
import type { FieldProblem } from '../errors/validation-errors';
import type { Role } from '../../users/domain/roles';

/** One row of a state machine's table: where an action may start, where it leads, who may take it. */
export interface TransitionRule<S extends string> {
  from: readonly S[];
  /** The next state; 'unchanged' for an action recorded without moving the record (a work log). */
  to: S | 'unchanged';
  roles: readonly Role[];
}

export interface TransitionRefusal {
  allowed: false;
  code: ErrorCode;
  message: string;
  /** What a Chinese reader is told, where the code's general message would not say enough. */
  chinese?: string;
  details: Record<string, unknown>;
}

export interface TransitionAllowed<S extends string> {
  allowed: true;
  from: S;
  to: S;
}

export type TransitionDecision<S extends string> = TransitionAllowed<S> | TransitionRefusal;

export interface TransitionCheck<S extends string> {
  /** What the record is called in messages: 'outlet', 'ticket'. */
  entity: string;
  action: string;
  rule: TransitionRule<S>;
  status: S;
  actorRoles: readonly Role[];
  /** What is wrong with the input the actor sent, judged by the caller's own rules. */
  inputProblems: readonly FieldProblem[];
}

/**
 * The checks every workflow makes, in one order: the role (403), the required input (400), then the
 * state (409 INVALID_TRANSITION). A caller adds its own preconditions after an allowed answer.
 */
export function decideTransition<S extends string>(check: TransitionCheck<S>): TransitionDecision<S> {
  const { entity, action, rule, status } = check;
  if (!check.actorRoles.some((role) => rule.roles.includes(role))) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      message: `Only ${rule.roles.join(', ')} may ${action} a ${entity}`,
      details: { action, roles: rule.roles },
    };
  }
  if (check.inputProblems.length > 0) {
    return {
      allowed: false,
      code: 'VALIDATION_FAILED',
      message: `Invalid fields: ${check.inputProblems.map((problem) => problem.field).join(', ')}`,
      details: { fields: check.inputProblems },
    };
  }
  if (!rule.from.includes(status)) {
    return {
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: `${action} is not allowed on a ${entity} that is ${status}`,
      details: { action, status, allowedFrom: rule.from },
    };
  }
  return { allowed: true, from: status, to: rule.to === 'unchanged' ? status : rule.to };
}

export function refusalError(refusal: TransitionRefusal): DomainError {
  return new DomainError(refusal.code, refusal.message, refusal.details, refusal.chinese);
}

/** A required free-text field: present, not blank, not too long. */
export function requiredTextProblems(
  field: string,
  value: string | null | undefined,
  maxLength: number,
): FieldProblem[] {
  const text = value?.trim() ?? '';
  if (text.length === 0) return [{ field, problems: [`${field} is required`] }];
  if (text.length > maxLength) {
    return [{ field, problems: [`${field} must be at most ${maxLength} characters`] }];
  }
  return [];
}
