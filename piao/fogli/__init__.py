"""Workbooks of the plan for the offices that keep its tables (issue 19)."""
