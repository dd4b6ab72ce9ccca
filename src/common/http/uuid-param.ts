import { ParseUUIDPipe } from '@nestjs/common';
import { invalidFields } from '../errors/validation-errors';

/** `@Param('id', UuidParam('id'))`: a malformed id is a 400 that names the parameter. */
export function UuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => invalidFields([{ field: name, problems: ['must be a UUID'] }]),
  });
}
