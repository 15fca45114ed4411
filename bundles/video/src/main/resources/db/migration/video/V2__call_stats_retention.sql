-- Retention (stats.retention.days in etc/org.pediconsult.video.cfg) deletes samples by age.
CREATE INDEX ix_video_call_stats_reported ON video_call_stats (reported_at);
