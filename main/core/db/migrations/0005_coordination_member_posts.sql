-- The groups view hides a "same hashtags" group whose posts are all in "same text" groups
-- already: that lookup goes from a post to its groups.
CREATE INDEX coordination_members_mention ON coordination_members (mention_id);
