#!/usr/bin/env python3
"""Writes the Kubernetes manifests that copy files kept elsewhere in the repository, so that each
thing has one source:

- kubernetes/templates-configmap.yaml: the reply templates (templates/<language>/), one ConfigMap
  per language, mounted as /etc/courtesy/templates/<language>;
- kubernetes/roster-configmap.yaml: the agent roster (config/agents.example.json);
- kubernetes/prometheusrule.yaml: the alert rules (prometheus/alerts.yaml).

  render.py          rewrite them
  render.py --check  fail, naming the file, when one is out of date (CI)
"""
import pathlib
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
ROOT = DEPLOY.parent
HEADER = "# Written by deploy/tools/render.py from {source}: edit that, then run the script.\n"
LABELS = {"app.kubernetes.io/part-of": "courtesy"}


class LiteralDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so that templates and rules stay readable."""


def _string(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


LiteralDumper.add_representer(str, _string)


def dump(documents):
    return "---\n".join(
        yaml.dump(document, Dumper=LiteralDumper, sort_keys=False, allow_unicode=True, width=120)
        for document in documents
    )


def templates():
    directory = ROOT / "templates"
    documents = []
    for language in sorted(path for path in directory.iterdir() if path.is_dir()):
        data = {file.name: file.read_text(encoding="utf-8") for file in sorted(language.iterdir()) if file.is_file()}
        documents.append({
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": f"courtesy-templates-{language.name}", "namespace": "courtesy", "labels": LABELS},
            "data": data,
        })
    return HEADER.format(source="templates/") + dump(documents)


def roster():
    source = DEPLOY / "config" / "agents.example.json"
    document = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "courtesy-roster", "namespace": "courtesy", "labels": LABELS},
        "data": {"agents.json": source.read_text(encoding="utf-8")},
    }
    note = "# A made-up roster to start from: replace it with your team's (docs/personalisation.md).\n"
    return HEADER.format(source="deploy/config/agents.example.json") + note + dump([document])


def rules():
    groups = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yaml").read_text(encoding="utf-8"))["groups"]
    document = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": "courtesy", "namespace": "courtesy", "labels": LABELS},
        "spec": {"groups": groups},
    }
    return HEADER.format(source="deploy/prometheus/alerts.yaml") + dump([document])


OUTPUTS = {
    "kubernetes/templates-configmap.yaml": templates,
    "kubernetes/roster-configmap.yaml": roster,
    "kubernetes/prometheusrule.yaml": rules,
}


def main(arguments):
    check = arguments == ["--check"]
    if arguments and not check:
        sys.exit(f"usage: {sys.argv[0]} [--check]")
    stale = []
    for name, render in OUTPUTS.items():
        path = DEPLOY / name
        text = render()
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit("out of date (run deploy/tools/render.py): " + ", ".join(f"deploy/{name}" for name in stale))


if __name__ == "__main__":
    main(sys.argv[1:])
