"""Community health from the groups' own files: attendance, cadence, action items and whether a
group's files agree with each other (issue 23). Computed once per build, after the community is read."""
