#!/usr/bin/env python3
"""The figures-only reference of bench/run.

Computes, from an input folder and an as-of date, what a plain script would: the contract's
budget figures (total, secured, spent per budget line, gap) and each outcome's latest
status, with Python's csv module and dictionaries, and prints them as JSON. No workbook, no
PDF, no staging, no restart point, and no checks beyond what the figures need: it is the
floor a user would compare the pipeline with.

    bench/reference.py INPUT_DIR AS_OF          (AS_OF as YYYY-MM-DD)
"""
import csv
import glob
import json
import os
import sys
from bisect import bisect_right
from decimal import ROUND_HALF_EVEN, Decimal

import yaml

CENT = Decimal("0.01")


def rows(input_dir, prefix):
    """The rows of the CSV data files whose names start with prefix, in file name order."""
    for path in sorted(glob.glob(os.path.join(input_dir, "progress", prefix + "*.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            yield from csv.DictReader(f)


def main(input_dir, as_of):
    with open(os.path.join(input_dir, "programme.yaml"), encoding="utf-8") as f:
        programme = yaml.safe_load(f)
    currency = programme.get("currency", "EUR")
    budget = programme["budget"]
    lines = {line["code"]: Decimal(str(line["amount"])) for line in budget["lines"]}
    secured = sum((Decimal(str(fund["amount"])) for fund in budget.get("funding", [])), Decimal(0))
    rates = {}
    for row in rows(input_dir, "rates"):
        rates.setdefault(row["currency"], []).append((row["date"], Decimal(row["rate"])))
    for table in rates.values():
        table.sort()

    def in_currency(row):
        """The row's amount in the programme currency, to the cent; None without a rate."""
        amount = Decimal(row["amount"])
        row_currency = row.get("currency") or currency
        if row_currency != currency:
            table = rates.get(row_currency, [])
            i = bisect_right(table, (row["date"], Decimal("Infinity"))) - 1
            if i < 0:
                return None
            amount *= table[i][1]
        return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)

    funded = set()
    for row in rows(input_dir, "funding"):
        if row.get("status") == "received" and row["date"] <= as_of and row["reference"] not in funded:
            funded.add(row["reference"])
            amount = in_currency(row)
            if amount is not None:
                secured += amount

    spent = {code: Decimal(0) for code in lines}
    references = set()
    for row in rows(input_dir, "expenditures"):
        if row["date"] > as_of or row["reference"] in references or row["budget_line"] not in lines:
            continue
        references.add(row["reference"])
        amount = in_currency(row)
        if amount is not None:
            spent[row["budget_line"]] += amount

    latest = {}
    for row in rows(input_dir, "progress"):
        if row["date"] <= as_of:
            earlier = latest.get(row["outcome"])
            if earlier is None or row["date"] >= earlier[0]:
                latest[row["outcome"]] = (row["date"], row["status"])

    total = sum(lines.values(), Decimal(0))
    print(json.dumps({
        "asOf": as_of,
        "currency": currency,
        "budget": {
            "total": str(total),
            "secured": str(secured),
            "gap": str(max(Decimal(0), total - secured)),
            "spent": str(sum(spent.values(), Decimal(0))),
            "lines": {code: str(amount) for code, amount in sorted(spent.items())},
        },
        "outcomes": {code: status for code, (_, status) in sorted(latest.items())},
    }, indent=1))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bench/reference.py INPUT_DIR AS_OF (YYYY-MM-DD)")
    main(sys.argv[1], sys.argv[2])
