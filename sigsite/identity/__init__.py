"""Who is whom: one identity per person, however the files write them."""
