"""The site plan: every page and file a build publishes, decided in plain Python.

From the loaded groups, the languages being built and the address scheme (addresses.py), the plan
gives each language's pages (their source, the committed content the core rendered, the blocks
around it, the language switcher's targets) and the files published once per site (attachments,
schemas, calendars, feeds, JSON). A SIG's own site is the plan for one group at the root; the hub
is the same plan for every group below `sigs/<id>/`, plus the community's pages. The MkDocs adapter
only emits it (adapters/emit.py).
"""
