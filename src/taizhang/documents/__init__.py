"""The documents Taizhang writes, Django-free: GB/T 9704 official documents (official.py),
.xlsx workbooks in the office look (xlsx.py, with the ledgers in ledger.py and
plan_ledger.py) and PDF conversion (pdf.py). Apps give them plain data."""
