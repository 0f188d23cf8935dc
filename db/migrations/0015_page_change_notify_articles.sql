-- Reading an article counts a view, and rating it moves its helpful counters: both update
-- kb_articles, and with the trigger of 0011 every article view emptied every process's page cache.
-- No cached page shows those counters; they show an article's title, slug, publication, deletion
-- and source answer (the question page's "Related" box and "now a knowledge-base article" note).
DROP TRIGGER kb_articles_pages_changed ON kb_articles;
--> statement-breakpoint
CREATE TRIGGER kb_articles_pages_changed AFTER INSERT OR DELETE ON kb_articles FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER kb_articles_shown_columns_changed AFTER UPDATE OF title, slug, status, deleted_at, source_answer_id, credited_user_id ON kb_articles FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
