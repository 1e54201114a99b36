"""A minimal Django site in client mode with the per-site cache on, for the
browser tests of bindings/js (one page, an embed, a preferences page)."""
