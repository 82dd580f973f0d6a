-- Signed checkpoints of the audit chain (domain/audit.ts): the number of events and the hash of the last one, signed
-- with an ed25519 key the database never holds, so that deleting the newest rows, rewriting and re-hashing a row or
-- truncating the log fails against every checkpoint kept outside. Checkpoints are append-only, as the events are.
CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"events" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"signature" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoints_published_idx" ON "audit_checkpoints" USING btree ("published","id");
--> statement-breakpoint
-- The append-only refusal names its table, for the checkpoints too.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
-- A row trigger does not see TRUNCATE: a statement trigger refuses it (only the owner can still switch triggers off).
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- What the role the server runs as may do, when the migrations run as another role that owns the tables
-- (DATABASE_OWNER_URL; db/migrate.ts calls this after every migration, so a table added later is granted too):
-- read and write every table, but only read and append to the audit log and its checkpoints: no UPDATE, DELETE,
-- TRUNCATE or TRIGGER there, and owning nothing, so it cannot drop a trigger or alter a table either. Idempotent.
CREATE FUNCTION konkurs_grant_runtime(p_role name) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  IF p_role = current_user THEN
    RAISE EXCEPTION 'the runtime role % is the role that migrates: give DATABASE_URL another user', p_role;
  END IF;
  FOR t IN SELECT c.relname, pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LOOP
    IF t.owner = p_role THEN
      RAISE EXCEPTION 'table % is owned by the runtime role %: hand it to the owner first (REASSIGN OWNED BY % TO %)', t.relname, p_role, p_role, current_user;
    END IF;
    EXECUTE format('REVOKE ALL ON TABLE public.%I FROM %I', t.relname, p_role);
    EXECUTE format(CASE WHEN t.relname IN ('audit_events', 'audit_checkpoints') THEN 'GRANT SELECT, INSERT ON TABLE public.%I TO %I'
      ELSE 'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.%I TO %I' END, t.relname, p_role);
  END LOOP;
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', p_role);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', p_role);
END $$;
