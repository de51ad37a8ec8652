#!/bin/bash
# The image's HEALTHCHECK: GET /healthz over plain TCP, so the image needs no HTTP client.
# Tries COURTESY_HEALTH_PORT if set, else the responder's, the desk's and the publisher's default ports.
set -u
probe() {
    local port=$1 status=""
    exec 3<>"/dev/tcp/127.0.0.1/${port}" || return 1
    printf 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
    IFS= read -r -t 4 status <&3 || return 1
    [[ $status == "HTTP/1."?" 200"* ]]
}
for port in ${COURTESY_HEALTH_PORT:-9401 9402 9404}; do
    if (probe "$port") 2>/dev/null; then
        exit 0
    fi
done
echo "no /healthz answered 200 on port(s) ${COURTESY_HEALTH_PORT:-9401 9402 9404}" >&2
exit 1
