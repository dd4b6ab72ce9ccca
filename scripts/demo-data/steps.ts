import { assetsStep } from './assets';
import { catalogStep } from './catalog';
import { customersStep } from './customers';
import { outletReviewStep, outletsStep } from './outlets';
import { headOfficeUsersStep, outletUsersStep } from './people';
import type { SeedStep } from './seed-step';
import { performanceReviewsStep, qualificationsStep, trainingsStep } from './staff';
import { suppliersStep } from './suppliers';
import { surveySetupStep, surveysStep } from './surveys';
import { ticketsStep } from './tickets';
import { returnsStep } from './returns';
import { complaintsStep } from './complaints';
import { followUpsStep } from './follow-ups';
import { toolsStep } from './tools';
import { documentsStep } from './documents';
import { assessmentsStep } from './assessments';

/**
 * The demo company, built in this order; each step may use what the steps before it created.
 * Later registers (returns, complaints) append their steps at the end.
 */
export const DEMO_STEPS: readonly SeedStep[] = [
  headOfficeUsersStep,
  outletsStep,
  outletUsersStep,
  outletReviewStep,
  qualificationsStep,
  catalogStep,
  suppliersStep,
  toolsStep,
  documentsStep,
  customersStep,
  assetsStep,
  trainingsStep,
  performanceReviewsStep,
  // Invitations on: the repairs closed in the stories below invite their customers.
  surveySetupStep,
  ticketsStep,
  returnsStep,
  complaintsStep,
  followUpsStep,
  surveysStep,
  // Last: the quarter's self-assessment reads everything above.
  assessmentsStep,
];
