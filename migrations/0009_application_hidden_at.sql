-- An applicant may hide a withdrawn application from the organisation's list (and show it again): the instant it
-- was hidden, null while shown. Staff lists ignore it (hiding is the applicant's view of its own list).
ALTER TABLE "applications" ADD COLUMN "hidden_at" timestamp with time zone;
