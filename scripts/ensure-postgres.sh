#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers on 127.0.0.1:5432, starting the cluster if needed.
set -euo pipefail
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    exit 0
fi
echo "rumbo: starting PostgreSQL"
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$version" ]]; then
    echo "rumbo: PostgreSQL is not installed here; the PostgreSQL tests need it on 127.0.0.1:5432" >&2
    exit 1
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
    sleep 1
done
echo "rumbo: PostgreSQL did not start on 127.0.0.1:5432" >&2
exit 1
