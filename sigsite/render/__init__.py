"""HTML and Markdown the site generates: Jinja environment, blocks, page sources."""
