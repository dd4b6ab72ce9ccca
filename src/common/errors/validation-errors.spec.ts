import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Min,
  ValidateNested,
  ValidationError,
  validateSync,
} from 'class-validator';
import { DomainError } from './domain-error';
import { FieldProblem, assertDateOrder, fieldProblems, validationFailed } from './validation-errors';

class Address {
  @IsString()
  @IsNotEmpty()
  city!: string;

  @Matches(/^\d{6}$/)
  postcode!: string;
}

class Item {
  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class Order {
  @IsEmail()
  email!: string;

  @ValidateNested()
  @Type(() => Address)
  address!: Address;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];

  @IsArray()
  @IsString({ each: true })
  tags!: string[];
}

const VALID_ORDER = {
  email: 'buyer@example.com',
  address: { city: 'Shanghai', postcode: '200000' },
  items: [
    { sku: 'A-1', quantity: 1 },
    { sku: 'B-2', quantity: 3 },
  ],
  tags: ['vip'],
};

function errorsOf(plain: object): ValidationError[] {
  return validateSync(plainToInstance(Order, plain));
}

function byField(problems: FieldProblem[]): Map<string, string[]> {
  return new Map(problems.map((p) => [p.field, p.problems]));
}

describe('fieldProblems', () => {
  it('gives nothing for a valid object', () => {
    const errors = errorsOf(VALID_ORDER);
    expect(errors).toEqual([]);
    expect(fieldProblems(errors)).toEqual([]);
  });

  it('names a top-level field with its messages', () => {
    const problems = fieldProblems(errorsOf({ ...VALID_ORDER, email: 'not-an-email' }));
    expect(problems).toEqual([{ field: 'email', problems: ['email must be an email'] }]);
  });

  it('gives dotted paths for nested objects and array items, one entry per offending field', () => {
    const problems = fieldProblems(
      errorsOf({
        email: 'nope',
        address: { city: '', postcode: '12' },
        items: [
          { sku: 'A-1', quantity: 1 },
          { sku: 7, quantity: 0 },
          { sku: 'C-3', quantity: 2.5 },
        ],
        tags: ['ok', 3],
      }),
    );
    const fields = problems.map((p) => p.field);
    expect([...fields].sort()).toEqual(
      [
        'email',
        'address.city',
        'address.postcode',
        'items.1.sku',
        'items.1.quantity',
        'items.2.quantity',
        'tags',
      ].sort(),
    );
    expect(new Set(fields).size).toBe(fields.length);

    const map = byField(problems);
    expect(map.get('address.city')).toEqual(['city should not be empty']);
    expect(map.get('address.postcode')).toEqual([expect.stringContaining('postcode must match')]);
    expect(map.get('items.1.sku')).toEqual(['sku must be a string']);
    expect(map.get('items.1.quantity')).toEqual(['quantity must not be less than 1']);
    expect(map.get('items.2.quantity')).toEqual(['quantity must be an integer number']);
    expect(map.get('tags')).toEqual(['each value in tags must be a string']);
  });

  it('does not list the valid array item or the parent objects themselves', () => {
    const problems = fieldProblems(
      errorsOf({
        ...VALID_ORDER,
        items: [
          { sku: 'A-1', quantity: 1 },
          { sku: 'B', quantity: -1 },
        ],
      }),
    );
    expect(problems).toEqual([{ field: 'items.1.quantity', problems: ['quantity must not be less than 1'] }]);
  });

  it('lists every message of a field with several problems', () => {
    const problems = fieldProblems(errorsOf({ ...VALID_ORDER, address: { city: 5, postcode: '200000' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('address.city');
    expect(problems[0]?.problems).toEqual(expect.arrayContaining(['city must be a string']));
  });

  it('reports a non-object in place of a nested object and an empty array on the field itself', () => {
    const problems = fieldProblems(errorsOf({ ...VALID_ORDER, address: 'somewhere', items: [] }));
    const map = byField(problems);
    expect([...map.keys()].sort()).toEqual(['address', 'items']);
    expect(map.get('items')).toEqual(['items must contain at least 1 elements']);
  });

  it('prefixes every path with the given parent', () => {
    const problems = fieldProblems(
      errorsOf({ ...VALID_ORDER, address: { city: '', postcode: '200000' } }),
      'order',
    );
    expect(problems.map((p) => p.field)).toEqual(['order.address.city']);
  });

  it('walks hand-built trees without constraints or children', () => {
    const leaf = Object.assign(new ValidationError(), {
      property: 'c',
      constraints: { isInt: 'c must be int' },
    });
    const middle = Object.assign(new ValidationError(), { property: 'b', children: [leaf] });
    const bare = Object.assign(new ValidationError(), { property: 'd' });
    const root = Object.assign(new ValidationError(), {
      property: 'a',
      constraints: { isDefined: 'a must be defined' },
      children: [middle, bare],
    });
    expect(fieldProblems([root])).toEqual([
      { field: 'a', problems: ['a must be defined'] },
      { field: 'a.b.c', problems: ['c must be int'] },
    ]);
  });
});

describe('validationFailed', () => {
  it('gives a VALIDATION_FAILED DomainError naming every offending field', () => {
    const errors = errorsOf({
      ...VALID_ORDER,
      email: 'nope',
      address: { city: '', postcode: '200000' },
      items: [{ sku: 'A', quantity: 0 }],
    });
    const error = validationFailed(errors);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Invalid fields: /);
    for (const field of ['email', 'address.city', 'items.0.quantity']) {
      expect(error.message).toContain(field);
    }
    expect(error.message.replace('Invalid fields: ', '').split(', ').sort()).toEqual([
      'address.city',
      'email',
      'items.0.quantity',
    ]);
  });

  it('carries the field problems as details', () => {
    const errors = errorsOf({ ...VALID_ORDER, tags: [1] });
    expect(validationFailed(errors).details).toEqual({
      fields: [{ field: 'tags', problems: ['each value in tags must be a string'] }],
    });
  });
});

describe('assertDateOrder', () => {
  it('accepts a range in order, a one-day range and a range with an open end', () => {
    expect(() => assertDateOrder(['from', '2026-01-01'], ['until', '2026-12-31'])).not.toThrow();
    expect(() => assertDateOrder(['from', '2026-01-01'], ['until', '2026-01-01'])).not.toThrow();
    expect(() => assertDateOrder(['from', null], ['until', '2026-01-01'])).not.toThrow();
    expect(() => assertDateOrder(['from', '2026-01-01'], ['until', undefined])).not.toThrow();
  });

  it('refuses a range that runs backwards, naming the later field', () => {
    expect(() => assertDateOrder(['from', '2026-01-02'], ['until', '2026-01-01'])).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'until', problems: ['until must not be before from'] }] },
      }),
    );
  });
});
