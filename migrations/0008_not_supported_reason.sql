-- Why the award allocation passed over an application, recorded with the decision (services/awards.ts): the applicant
-- reads it beside the score and rank. One of below-pass-mark, organization-won, budget-exhausted, not-reviewed; null
-- for winners and for anything not yet decided.
ALTER TABLE "applications" ADD COLUMN "not_supported_reason" text;
