import type { RegisterSpec } from '../common/registers/register-writer';
import { OutletReviewEntity } from './outlet-review.entity';
import { OutletStaffEntity } from './outlet-staff.entity';
import { OutletEntity } from './outlet.entity';
import { RectificationActionEntity } from './rectification-action.entity';

/** How the register writer creates, changes, deletes and audits the outlet module's records. */
export const OUTLETS: RegisterSpec<OutletEntity> = {
  entity: OutletEntity,
  type: 'outlet',
  auditedFields: [
    'code',
    'name',
    'kind',
    'status',
    'address',
    'region',
    'coverageRegions',
    'phone',
    'managerName',
    'approvedBy',
    'approvedAt',
    'agreementNumber',
    'agreementValidFrom',
    'agreementValidUntil',
    'licenceNumber',
    'licenceValidUntil',
    'active',
  ],
};

export const OUTLET_STAFF: RegisterSpec<OutletStaffEntity> = {
  entity: OutletStaffEntity,
  type: 'outlet_staff',
  auditedFields: [
    'outletId',
    'name',
    'phone',
    'training',
    'certificateNumber',
    'certificateValidUntil',
    'active',
  ],
};

export const OUTLET_REVIEWS: RegisterSpec<OutletReviewEntity> = {
  entity: OutletReviewEntity,
  type: 'outlet_review',
  auditedFields: ['outletId', 'year', 'reviewedOn', 'reviewer', 'score', 'findings', 'conclusion'],
};

export const RECTIFICATION_ACTIONS: RegisterSpec<RectificationActionEntity> = {
  entity: RectificationActionEntity,
  type: 'rectification_action',
  auditedFields: [
    'reviewId',
    'description',
    'responsible',
    'dueOn',
    'status',
    'closedAt',
    'closedBy',
    'closureNote',
  ],
};
