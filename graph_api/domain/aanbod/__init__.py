"""What leveranciers offer, written: concepts of missing software (concept.py, issue 17 item 6)."""
