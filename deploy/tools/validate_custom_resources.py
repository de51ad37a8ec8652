#!/usr/bin/env python3
"""Validates the custom resources among Kubernetes manifests (ServiceMonitor, PrometheusRule)
against the OpenAPI schema of their CustomResourceDefinition, strictly: an unknown field anywhere
the schema lists the fields is an error, as with `kubernetes-validate --strict` for built-in kinds
(which skips custom resources, having no schema for them).

  validate_custom_resources.py CRD_DIR MANIFEST...

Documents whose kind no CRD in CRD_DIR defines are left to kubernetes-validate. Prints one line per
custom resource checked; exits 1 on the first file with errors, after listing them.
"""
import copy
import pathlib
import sys

import jsonschema
import yaml


def strict(schema):
    """The schema with additionalProperties: false wherever it lists properties and allows no more."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (
                "properties" in node
                and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")
            ):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def load_schemas(directory):
    schemas = {}
    for path in sorted(pathlib.Path(directory).glob("*.yaml")):
        for crd in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group = crd["spec"]["group"]
            kind = crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                schema = strict(version["schema"]["openAPIV3Schema"])
                schemas[(f"{group}/{version['name']}", kind)] = schema
    return schemas


def main(arguments):
    if len(arguments) < 2:
        sys.exit(__doc__)
    schemas = load_schemas(arguments[0])
    kinds = {kind for _, kind in schemas}
    failed = False
    for name in arguments[1:]:
        for document in yaml.safe_load_all(pathlib.Path(name).read_text(encoding="utf-8")):
            if not document or document.get("kind") not in kinds:
                continue
            key = (document.get("apiVersion"), document["kind"])
            schema = schemas.get(key)
            label = f"{name}: {document['kind']}/{document.get('metadata', {}).get('name')}"
            if schema is None:
                print(f"ERROR {label}: no CRD defines {key[0]} {key[1]}")
                failed = True
                continue
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
            for error in errors:
                path = ".".join(str(part) for part in error.path) or "(root)"
                print(f"ERROR {label}: {path}: {error.message}")
            failed = failed or bool(errors)
            if not errors:
                print(f"INFO {label} passed against the CRD schema of {key[0]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
