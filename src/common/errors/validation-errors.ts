import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens class-validator's tree into one entry per offending field, with dotted paths. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [{ field, problems: Object.values(error.constraints) }]
      : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  return invalidFields(fieldProblems(errors));
}

/** The one 400 for bad input: every offending field named in details.fields. */
export function invalidFields(fields: FieldProblem[]): DomainError {
  const names = fields.map((f) => f.field).join(', ');
  return new DomainError('VALIDATION_FAILED', `Invalid fields: ${names}`, { fields });
}

/**
 * 400 naming the later field when a date range runs backwards (YYYY-MM-DD strings compare as dates).
 * A missing end of the range (null or undefined) leaves nothing to check.
 */
export function assertDateOrder(
  [earlierField, earlier]: [string, string | null | undefined],
  [laterField, later]: [string, string | null | undefined],
): void {
  if (earlier && later && later < earlier) {
    throw invalidFields([
      { field: laterField, problems: [`${laterField} must not be before ${earlierField}`] },
    ]);
  }
}

/** 400 naming the field when an instant lies before the earliest one it may be. */
export function assertNotBefore(field: string, value: Date, earliest: Date): void {
  if (value.getTime() < earliest.getTime()) {
    throw invalidFields([{ field, problems: [`${field} must not be before ${earliest.toISOString()}`] }]);
  }
}

/** 400 naming the field when an instant lies after `latest` (usually now: not in the future). */
export function assertNotAfter(field: string, value: Date, latest: Date): void {
  if (value.getTime() > latest.getTime()) {
    throw invalidFields([{ field, problems: [`${field} must not be in the future`] }]);
  }
}
