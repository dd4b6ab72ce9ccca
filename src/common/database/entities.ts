import { AssetEntity } from '../../assets/asset.entity';
import { AttachmentEntity } from '../../attachments/attachment.entity';
import { PartEntity } from '../../catalog/part.entity';
import { ProductEntity } from '../../catalog/product.entity';
import { CustomerEntity } from '../../customers/customer.entity';
import { OutletEntity } from '../../outlets/outlet.entity';
import { OutletReviewEntity } from '../../outlets/outlet-review.entity';
import { OutletStaffEntity } from '../../outlets/outlet-staff.entity';
import { OutletStatusChangeEntity } from '../../outlets/outlet-status-change.entity';
import { RectificationActionEntity } from '../../outlets/rectification-action.entity';
import { ServicePolicyEntity } from '../../policy/service-policy.entity';
import { PerformanceReviewEntity } from '../../staff/performance-review.entity';
import { QualificationEntity } from '../../staff/qualification.entity';
import { TrainingAttendeeEntity } from '../../staff/training-attendee.entity';
import { TrainingEntity } from '../../staff/training.entity';
import { SupplierEntity } from '../../suppliers/supplier.entity';
import { ExportEntity } from '../../evidence/export.entity';
import { ToolInspectionEntity } from '../../tools/tool-inspection.entity';
import { ToolEntity } from '../../tools/tool.entity';
import { ExpiryNoticeEntity } from '../expiry/expiry-notice.entity';
import { AuditLogEntity } from '../../audit/audit-log.entity';
import { UserEntity } from '../../users/user.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { MessageEntity } from '../mail/message.entity';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../outbox/processed-event.entity';
import { YearlySequenceEntity } from '../numbering/yearly-sequence.entity';
import { TicketBreachEntity } from '../../tickets/ticket-breach.entity';
import { TicketHistoryEntity } from '../../tickets/ticket-history.entity';
import { TicketHoldEntity } from '../../tickets/ticket-hold.entity';
import { TicketWorkLogEntity } from '../../tickets/ticket-work-log.entity';
import { TicketEntity } from '../../tickets/ticket.entity';
import { ReturnChaseEntity } from '../../returns/return-chase.entity';
import { ReturnHistoryEntity } from '../../returns/return-history.entity';
import { ReturnItemEntity } from '../../returns/return-item.entity';
import { ReturnEntity } from '../../returns/return.entity';
import { FollowUpAttemptEntity } from '../../follow-ups/follow-up-attempt.entity';
import { FollowUpDigestEntity } from '../../follow-ups/follow-up-digest.entity';
import { FollowUpEntity } from '../../follow-ups/follow-up.entity';
import { ComplaintEntity } from '../../complaints/complaint.entity';
import { ComplaintEscalationEntity } from '../../complaints/complaint-escalation.entity';
import { ComplaintHistoryEntity } from '../../complaints/complaint-history.entity';

import { SurveyCampaignEntity } from '../../surveys/survey-campaign.entity';
import { SurveyInvitationEntity } from '../../surveys/survey-invitation.entity';
import { SurveyResponseEntity } from '../../surveys/survey-response.entity';
import { SurveySettingsEntity } from '../../surveys/survey-settings.entity';
import { SurveyTemplateEntity } from '../../surveys/survey-template.entity';
import { DocumentReviewEntity } from '../../documents/document-review.entity';
import { DocumentVersionEntity } from '../../documents/document-version.entity';
import { DocumentEntity } from '../../documents/document.entity';
import { AssessmentAdjustmentEntity } from '../../assessments/assessment-adjustment.entity';
import { AssessmentItemEntity } from '../../assessments/assessment-item.entity';
import { AssessmentEntity } from '../../assessments/assessment.entity';
import { RuleSetEntity } from '../../assessments/rule-set.entity';

/** Every entity the data source knows; a module adds its own here. */
export const ENTITIES = [
  UserEntity,
  AuditLogEntity,
  OutboxEventEntity,
  ProcessedEventEntity,
  MessageEntity,
  IdempotencyKeyEntity,
  ExpiryNoticeEntity,
  OutletEntity,
  OutletStatusChangeEntity,
  OutletStaffEntity,
  OutletReviewEntity,
  RectificationActionEntity,
  CustomerEntity,
  ProductEntity,
  PartEntity,
  AssetEntity,
  SupplierEntity,
  ToolEntity,
  ToolInspectionEntity,
  QualificationEntity,
  TrainingEntity,
  TrainingAttendeeEntity,
  PerformanceReviewEntity,
  ServicePolicyEntity,
  AttachmentEntity,
  YearlySequenceEntity,
  TicketEntity,
  TicketHistoryEntity,
  TicketHoldEntity,
  TicketWorkLogEntity,
  TicketBreachEntity,
  ReturnEntity,
  ReturnItemEntity,
  ReturnHistoryEntity,
  ReturnChaseEntity,
  ComplaintEntity,
  ComplaintHistoryEntity,
  ComplaintEscalationEntity,
  SurveyTemplateEntity,
  SurveySettingsEntity,
  SurveyCampaignEntity,
  SurveyInvitationEntity,
  SurveyResponseEntity,
  ExportEntity,
  FollowUpEntity,
  FollowUpAttemptEntity,
  FollowUpDigestEntity,
  DocumentEntity,
  DocumentVersionEntity,
  DocumentReviewEntity,
  RuleSetEntity,
  AssessmentEntity,
  AssessmentItemEntity,
  AssessmentAdjustmentEntity,
];
