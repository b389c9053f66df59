-- Custom migration (drizzle-kit generate --custom), decision 0011: audit_events becomes the one audit log.
-- 1. The database refuses UPDATE, DELETE and TRUNCATE on it, as it did on claim_events.
-- 2. Every claim_events row is copied in with its id (so the order is kept), actor, time and before/after,
--    its free-text action mapped to the typed one (lib/audit/actions.ts). An action outside the mapping stops
--    the migration with its name instead of guessing, so no history is silently lost or mislabelled.
-- The next migration drops claim_events.
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION factdesk_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION factdesk_refuse_change();--> statement-breakpoint
CREATE TEMPORARY TABLE claim_event_action_map (old_action text PRIMARY KEY, new_action text NOT NULL);--> statement-breakpoint
INSERT INTO claim_event_action_map (old_action, new_action) VALUES
  ('claim.created', 'claim.created'),
  ('claim.updated', 'claim.updated'),
  ('claim.verdict_set', 'claim.verdict_set'),
  ('claim.status_changed', 'claim.status_changed'),
  ('claim.approved', 'claim.approved'),
  ('claim.rejected', 'claim.rejected'),
  ('claim.assigned', 'claim.assigned'),
  ('claim.deleted', 'claim.deleted'),
  ('claim.restored', 'claim.restored'),
  ('evidence.added', 'evidence.added'),
  ('evidence.updated', 'evidence.updated'),
  ('evidence.removed', 'evidence.removed');--> statement-breakpoint
DO $$
DECLARE
  unmapped text;
  without_evidence_id bigint;
BEGIN
  SELECT string_agg(DISTINCT e.action, ', ') INTO unmapped
    FROM claim_events e LEFT JOIN claim_event_action_map m ON m.old_action = e.action
   WHERE m.old_action IS NULL;
  IF unmapped IS NOT NULL THEN
    RAISE EXCEPTION 'claim_events holds actions with no typed equivalent: %. Add them to the mapping in migration 0003.', unmapped;
  END IF;
  SELECT min(e.id) INTO without_evidence_id
    FROM claim_events e
   WHERE e.action LIKE 'evidence.%' AND coalesce(e.after ->> 'evidenceId', e.before ->> 'evidenceId') IS NULL;
  IF without_evidence_id IS NOT NULL THEN
    RAISE EXCEPTION 'claim_events row % is about evidence but does not say which (no evidenceId).', without_evidence_id;
  END IF;
END $$;--> statement-breakpoint
INSERT INTO audit_events (id, entity_type, entity_id, article_id, claim_id, actor_id, actor_label, action, before, after, created_at)
OVERRIDING SYSTEM VALUE
SELECT e.id,
       split_part(m.new_action, '.', 1),
       CASE WHEN m.new_action LIKE 'evidence.%'
            THEN coalesce(e.after ->> 'evidenceId', e.before ->> 'evidenceId')::integer
            ELSE e.claim_id END,
       c.article_id,
       e.claim_id,
       e.actor_id,
       -- Before the audit log, changes made by the process itself were stored without its name.
       CASE WHEN e.actor_id IS NULL THEN 'system' END,
       m.new_action,
       e.before,
       e.after,
       e.created_at
  FROM claim_events e
  JOIN claim_event_action_map m ON m.old_action = e.action
  JOIN claims c ON c.id = e.claim_id
 ORDER BY e.id;--> statement-breakpoint
-- New rows continue after the copied ids.
SELECT setval(pg_get_serial_sequence('audit_events', 'id'), coalesce((SELECT max(id) FROM audit_events), 1), (SELECT count(*) FROM audit_events) > 0);--> statement-breakpoint
DROP TABLE claim_event_action_map;
