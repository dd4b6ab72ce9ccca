import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidFields } from '../errors/validation-errors';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = findNul(child, childPath);
    if (found) return found;
  }
  return null;
}

/** PostgreSQL cannot store the NUL character in text; refuse it up front, naming the field. */
@Injectable()
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const field = findNul(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field !== null) throw invalidFields([{ field, problems: ['must not contain the NUL character'] }]);
    return value;
  }
}
