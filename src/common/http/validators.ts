import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsDateString, Matches, MaxDate, MinDate, ValidateIf } from 'class-validator';

/** Optional, but not null: for fields where null means nothing (null is refused with the field's own rules). */
export const IsOptionalNonNull = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

/** An ISO 8601 date-time within what PostgreSQL stores and a business could mean. */
export const IsApiDate = () =>
  applyDecorators(
    Type(() => Date),
    IsDate(),
    MinDate(EARLIEST, { message: ({ property }) => `${property} must not be before 1900` }),
    MaxDate(LATEST, { message: ({ property }) => `${property} must not be after 9999` }),
  );

/**
 * A calendar date `YYYY-MM-DD` that exists (no time part: these fields are compared as dates), between
 * 1900 and 2999, so that date arithmetic on it (a warranty of 240 months) stays a four-digit year.
 */
export const IsDateOnly = () =>
  applyDecorators(
    Matches(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, {
      message: ({ property }) => `${property} must be a date YYYY-MM-DD between 1900 and 2999`,
    }),
    IsDateString({ strict: true }),
  );
