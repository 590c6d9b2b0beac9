"""A landscape's writes: Gebruik (gebruik.py); koppelingen and the rest follow (issue 17)."""
