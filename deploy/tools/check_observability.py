#!/usr/bin/env python3
"""Checks that the alerts and the dashboard hold together:

- every alert in prometheus/alerts.yaml has a unit test in prometheus/alerts.test.yaml, a runbook
  section in docs/operations.md (a heading naming it) and a runbook_url pointing at that section;
- the Grafana dashboard parses, every panel query has an expression, and every expression is valid
  PromQL: they are written, with Grafana's $__rate_interval as 5m, to RULES_OUT as recording rules,
  which the caller checks with `promtool check rules`.

  check_observability.py RULES_OUT

Whether the metrics the queries name are really exported is checked against live services by the
end-to-end test DeployMetricsTests.
"""
import json
import pathlib
import re
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
ROOT = DEPLOY.parent


def anchor(heading):
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def check_alerts(problems):
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yaml").read_text(encoding="utf-8"))
    tests = yaml.safe_load((DEPLOY / "prometheus" / "alerts.test.yaml").read_text(encoding="utf-8"))
    tested = {
        case.get("alertname") for test in tests.get("tests", []) for case in test.get("alert_rule_test", [])
    }
    fired = {
        case.get("alertname")
        for test in tests.get("tests", [])
        for case in test.get("alert_rule_test", [])
        if case.get("exp_alerts")
    }
    operations = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    anchors = {anchor(line.lstrip("#")) for line in operations.splitlines() if line.startswith("#")}
    alerts = [rule for group in rules["groups"] for rule in group["rules"] if "alert" in rule]
    for rule in alerts:
        name = rule["alert"]
        if name not in tested:
            problems.append(f"{name}: no unit test in deploy/prometheus/alerts.test.yaml")
        elif name not in fired:
            problems.append(f"{name}: no unit test in which it fires")
        if anchor(name) not in anchors:
            problems.append(f"{name}: no runbook section (a heading '{name}') in docs/operations.md")
        expected = f"docs/operations.md#{anchor(name)}"
        if rule.get("annotations", {}).get("runbook_url") != expected:
            problems.append(f"{name}: runbook_url should be {expected}")
    return len(alerts)


def queries(node):
    """Every Prometheus query in the dashboard: panel targets and template variable queries."""
    if isinstance(node, dict):
        if "expr" in node:
            yield node["expr"]
        for key, value in node.items():
            if key != "expr":
                yield from queries(value)
    elif isinstance(node, list):
        for value in node:
            yield from queries(value)


def check_dashboard(rules_out, problems):
    path = DEPLOY / "grafana" / "dashboards" / "courtesy.json"
    try:
        dashboard = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        problems.append(f"{path.name}: not JSON: {error}")
        return 0
    for panel in dashboard.get("panels", []):
        if panel.get("type") != "row" and not panel.get("targets"):
            problems.append(f"dashboard panel {panel.get('title')!r} has no query")
        for target in panel.get("targets", []):
            if not str(target.get("expr", "")).strip():
                problems.append(f"dashboard panel {panel.get('title')!r} has a target without an expression")
    expressions = sorted(set(queries(dashboard)))
    rules = [
        {"record": f"courtesy_dashboard:query_{index}", "expr": expr.replace("$__rate_interval", "5m")}
        for index, expr in enumerate(expressions)
    ]
    pathlib.Path(rules_out).write_text(
        yaml.safe_dump({"groups": [{"name": "dashboard-queries", "rules": rules}]}, sort_keys=False),
        encoding="utf-8",
    )
    return len(expressions)


def main(arguments):
    if len(arguments) != 1:
        sys.exit(__doc__)
    problems = []
    alerts = check_alerts(problems)
    expressions = check_dashboard(arguments[0], problems)
    for problem in problems:
        print(f"ERROR {problem}")
    if problems:
        sys.exit(1)
    print(f"{alerts} alerts, each with a firing unit test and a runbook section; {expressions} dashboard queries")


if __name__ == "__main__":
    main(sys.argv[1:])
