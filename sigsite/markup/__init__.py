"""Committed Markdown (meeting notes, READMEs) rendered as the forge renders it, in linear time.

`commonmark` holds the parser: CommonMark with the pieces of GitHub-flavoured Markdown that Gitee
supports (tables, strikethrough, autolinks, task lists) and heading ids made by the forge's rule.
`document` renders one file into sanitized HTML, the text search reads, and its headings; links
that lead to the site's own pages are written as references (`references`), which the adapter
turns into addresses relative to the page that shows the file.
"""
