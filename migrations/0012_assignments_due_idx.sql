-- The reminders look for open work due soon (queries/reminders.ts): a partial index of the assignments still to review,
-- so the look-up stays small however many finished rounds the table holds.
CREATE INDEX "assignments_due_idx" ON "assignments" USING btree ("due_at") WHERE "assignments"."status" = 'assigned';