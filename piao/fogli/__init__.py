"""Workbooks for offices that work in spreadsheets (issue 19): export a plan's sections, import them back with located findings, and read legacy layouts."""
