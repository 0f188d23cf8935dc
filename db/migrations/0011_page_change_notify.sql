-- Every app process keeps a cache of rendered anonymous pages. A write to anything those pages show
-- tells every process at once, at commit (a NOTIFY in a rolled-back transaction is never sent, and
-- several in one transaction arrive as one): see app/server/page-cache.ts.
CREATE FUNCTION peerdesk_notify_pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('peerdesk_pages_changed', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_pages_changed AFTER INSERT OR UPDATE OR DELETE ON posts FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER votes_pages_changed AFTER INSERT OR UPDATE OR DELETE ON votes FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER comments_pages_changed AFTER INSERT OR UPDATE OR DELETE ON comments FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER tags_pages_changed AFTER INSERT OR UPDATE OR DELETE ON tags FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER users_pages_changed AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER reputation_events_pages_changed AFTER INSERT OR UPDATE OR DELETE ON reputation_events FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER user_badges_pages_changed AFTER INSERT OR UPDATE OR DELETE ON user_badges FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER suspensions_pages_changed AFTER INSERT OR UPDATE OR DELETE ON suspensions FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER close_votes_pages_changed AFTER INSERT OR UPDATE OR DELETE ON close_votes FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER kb_articles_pages_changed AFTER INSERT OR UPDATE OR DELETE ON kb_articles FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
--> statement-breakpoint
CREATE TRIGGER kb_categories_pages_changed AFTER INSERT OR UPDATE OR DELETE ON kb_categories FOR EACH STATEMENT EXECUTE FUNCTION peerdesk_notify_pages_changed();
