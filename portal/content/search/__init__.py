"""Site-wide search: one index over every registered content type, on SQLite (FTS5) or PostgreSQL (tsvector).

Public interface: `selectors.search()` for reads, `indexing.search_index_update()` (the moderation
hook) and `indexing.search_index_rebuild()` for writes.
"""
