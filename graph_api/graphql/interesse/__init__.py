"""Interest, views and searches (issue 19, item 5) as GraphQL: the mutations a gemeente shows
and withdraws interest with, and what the leverancier's view adds."""
