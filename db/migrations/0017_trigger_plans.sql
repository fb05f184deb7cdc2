-- The triggers' statements are planned on every call, and by key.
--
-- PL/pgSQL keeps a trigger's statement plans for the life of the connection, and after a few
-- calls settles on one generic plan made from the table sizes of that moment. A connection
-- that first ran the permissions trigger while contact_permissions was small kept a sequential
-- scan of it for every contact of every later batch: a 50,000-row import took 44 s instead of
-- 14 s, its batches growing from 0.5 to 2.6 s as the table grew (bench/README.md). Each of
-- these statements looks rows up by key (or reads only the statement's own rows), so nothing is lost by forbidding the alternative:
-- they are planned with the sizes of the moment (force_custom_plan), and a sequential scan is
-- chosen only where no index can answer (enable_seqscan off).
ALTER FUNCTION portaria_copy_permissions() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_permissions() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_to_contacts() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_from_account() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_copy_invitation_on_move() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_check_company_admin() SET enable_seqscan = off;--> statement-breakpoint
ALTER FUNCTION portaria_count_contacts() SET plan_cache_mode = force_custom_plan;--> statement-breakpoint
ALTER FUNCTION portaria_count_contacts() SET enable_seqscan = off;
