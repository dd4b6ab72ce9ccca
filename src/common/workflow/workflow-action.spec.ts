import type { RequestContext } from '../../auth/authenticated-user';
import { type AppliedWorkflowAction, type WorkflowEffect, auditEntry, historyEntry } from './workflow-action';

type Light = 'off' | 'on';

interface Lamp {
  id: string;
  status: Light;
  version: number;
}

const context: RequestContext = {
  user: { id: 'u-1', username: 'wang', roles: ['manager'], outletId: null },
  requestId: 'req-1',
};

const NOW = new Date('2025-03-04T05:06:07.000Z');

function applied(effect: WorkflowEffect<Lamp>): AppliedWorkflowAction<Light, Lamp, WorkflowEffect<Lamp>> {
  return {
    name: 'lamp',
    id: 'lamp-1',
    before: { id: 'lamp-1', status: 'off', version: 3 },
    after: { id: 'lamp-1', status: 'on', version: 4 },
    decision: { allowed: true, from: 'off', to: 'on' },
    now: NOW,
    effect,
  };
}

describe('historyEntry', () => {
  it('records the move, the actor, the time, the reason and what was entered', () => {
    const entry = historyEntry(applied({ details: { bulb: 'LED' }, reason: 'dark' }), 'switch_on', context);
    expect(entry).toEqual({
      action: 'switch_on',
      fromStatus: 'off',
      toStatus: 'on',
      actorId: 'u-1',
      actorName: 'wang',
      at: NOW,
      reason: 'dark',
      details: { bulb: 'LED' },
    });
  });

  it('records no reason and empty details when the action entered none', () => {
    expect(historyEntry(applied({}), 'switch_on', context)).toMatchObject({ reason: null, details: {} });
  });
});

describe('auditEntry', () => {
  it('names the acting user, the record and the request', () => {
    const entry = auditEntry(
      applied({ details: { bulb: 'LED' }, reason: 'dark' }),
      'lamp.switched_on',
      context,
    );
    expect(entry).toEqual({
      actor: { id: 'u-1', username: 'wang' },
      action: 'lamp.switched_on',
      entityType: 'lamp',
      entityId: 'lamp-1',
      changes: { status: { from: 'off', to: 'on' }, bulb: 'LED', reason: 'dark' },
      requestId: 'req-1',
    });
  });

  it('lists the status move first and the reason last, null when none was given', () => {
    const { changes } = auditEntry(applied({ details: { bulb: 'LED' } }), 'lamp.switched_on', context);
    expect(Object.keys(changes ?? {})).toEqual(['status', 'bulb', 'reason']);
    expect(changes?.reason).toBeNull();
  });
});
