import { QueryFailedError } from 'typeorm';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('keeps kind, message and code of a database error but never its query or parameters', () => {
    const driverError = Object.assign(new Error('invalid byte sequence'), { code: '22021' });
    const error = new QueryFailedError(
      'INSERT INTO users VALUES ($1, $2)',
      ['alice', '$2b$10$secret-hash'],
      driverError,
    );
    const described = describeError(error);
    expect(described).toMatchObject({
      type: 'QueryFailedError',
      message: 'invalid byte sequence',
      code: '22021',
    });
    expect(JSON.stringify(described)).not.toContain('secret-hash');
    expect(JSON.stringify(described)).not.toContain('INSERT INTO');
  });

  it('describes things thrown that are not errors', () => {
    expect(describeError('plain')).toEqual({ message: 'plain' });
  });
});
