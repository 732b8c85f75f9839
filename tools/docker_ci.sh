#!/usr/bin/env bash
# `make test-docker` (CI runs it after `make test`): the deployment proven end to end. Starts dockerd when none
# runs, makes an offline base image with debootstrap when it is missing (no image registry is reachable here),
# builds sipsabot:latest from a wheelhouse, then tools/docker_e2e.py runs it with docker-compose against the fake
# Bot API. Skips (exit 0, with the reason) only when no container engine can run on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${SIPSABOT_DOCKER_WORK:-/var/tmp/sipsabot-docker}
BASE=sipsabot-base:bookworm
mkdir -p "$WORK"
skip() { echo "test-docker SKIPPED: $*"; exit 0; }
now() { date +%s; }
t0=$(now)

for tool in docker dockerd docker-compose debootstrap; do
  command -v "$tool" >/dev/null 2>&1 \
    || skip "$tool is not installed (.ci/run installs docker.io, docker-compose and debootstrap with apt-get)"
done
started=""
if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || skip "no Docker daemon is running and starting dockerd needs root"
  dockerd >"$WORK/dockerd.log" 2>&1 &
  started=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || skip "dockerd does not start on this machine: $(tail -n 3 "$WORK/dockerd.log")"
fi
# Stop only the daemon this script started.
trap '[ -n "$started" ] && kill "$started" 2>/dev/null; true' EXIT

if ! docker image inspect "$BASE" >/dev/null 2>&1; then
  if [ ! -x "$WORK/rootfs/usr/bin/python3" ]; then
    rm -rf "$WORK/rootfs"
    debootstrap --variant=minbase --include=python3,python3-venv,libgomp1 bookworm "$WORK/rootfs" \
      >"$WORK/debootstrap.log" 2>&1 || { tail -n 20 "$WORK/debootstrap.log"; exit 1; }
  fi
  tar -C "$WORK/rootfs" -c . | docker import - "$BASE" >/dev/null
fi
t1=$(now)
make --no-print-directory wheels >"$WORK/wheels.log" 2>&1 || { tail -n 30 "$WORK/wheels.log"; exit 1; }
t2=$(now)
docker build --build-arg BASE="$BASE" -t sipsabot:latest . >"$WORK/build.log" 2>&1 \
  || { tail -n 40 "$WORK/build.log"; exit 1; }
t3=$(now)
size=$(docker image inspect sipsabot:latest --format '{{.Size}}')
.venv/bin/python tools/docker_e2e.py
t4=$(now)
echo "test-docker: engine + base image $((t1 - t0)) s, wheelhouse $((t2 - t1)) s, image build $((t3 - t2)) s" \
     "($((size / 1000000)) MB), compose run $((t4 - t3)) s, total $((t4 - t0)) s"
