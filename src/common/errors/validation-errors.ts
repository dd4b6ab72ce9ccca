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
