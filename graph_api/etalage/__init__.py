"""The etalage (issue 18, F004): sales material per application, its files in a file store."""
