-- Custom migration (drizzle-kit generate --custom): history that must never change is protected by the
-- database itself, so neither an application bug nor a stray SQL console can rewrite it.
CREATE OR REPLACE FUNCTION factdesk_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER claim_events_append_only
  BEFORE UPDATE OR DELETE ON claim_events
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_change();--> statement-breakpoint
CREATE TRIGGER claim_events_no_truncate
  BEFORE TRUNCATE ON claim_events
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_refuse_change();--> statement-breakpoint
CREATE TRIGGER article_revisions_immutable
  BEFORE UPDATE OR DELETE ON article_revisions
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_change();
