import { AttendeeFacts, summariseAttendeeChanges } from './attendee-changes';

const attendee = (fields: Partial<AttendeeFacts>): AttendeeFacts => ({
  userId: null,
  customerId: null,
  name: '张伟',
  result: 'not_assessed',
  score: null,
  ...fields,
});

describe('summariseAttendeeChanges', () => {
  const zhang = attendee({ userId: 'u1', name: '张伟', result: 'passed', score: 90 });
  const li = attendee({ customerId: 'c1', name: '李娜' });
  const wang = attendee({ name: '王芳' });

  it('lists everyone as added on a new training', () => {
    expect(summariseAttendeeChanges([], [zhang, li])).toEqual({
      count: { from: 0, to: 2 },
      added: ['张伟', '李娜'],
    });
  });

  it('is null when nothing changed, whatever the order', () => {
    expect(summariseAttendeeChanges([zhang, li, wang], [wang, li, { ...zhang }])).toBeNull();
  });

  it('names who was added, removed and reassessed, with only the fields that changed', () => {
    const zhangFailed = { ...zhang, result: 'failed' as const, score: 50 };
    expect(summariseAttendeeChanges([zhang, li], [zhangFailed, wang])).toEqual({
      count: { from: 2, to: 2 },
      added: ['王芳'],
      removed: ['李娜'],
      changed: [{ name: '张伟', from: { result: 'passed', score: 90 }, to: { result: 'failed', score: 50 } }],
    });
  });

  it('matches users by id, so a corrected name is a change of that attendee', () => {
    expect(summariseAttendeeChanges([zhang], [{ ...zhang, name: '张伟（售后）' }])).toEqual({
      count: { from: 1, to: 1 },
      changed: [{ name: '张伟（售后）', from: { name: '张伟' }, to: { name: '张伟（售后）' } }],
    });
  });

  it('tells two people of the same name apart by how often the name occurs', () => {
    expect(summariseAttendeeChanges([wang], [wang, { ...wang }])).toEqual({
      count: { from: 1, to: 2 },
      added: ['王芳'],
    });
  });
});
