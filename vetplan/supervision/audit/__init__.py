"""The audit trail (督导操作记录): who changed what in the plans, the data and supervision, when,
from what to what, by name and in local time; filtered, paginated and exported to Excel.

sources.py says what is gathered and how it reaches a region, a unit and a plan; trail.py
queries a page and builds its entries; names.py writes values as people read them; forms.py is
the filter bar; xlsx.py the export.
"""
