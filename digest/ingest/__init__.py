"""Raw wire copy -> Markdown with front matter (the first stage of a build)."""
