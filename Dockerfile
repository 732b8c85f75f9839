# SIPSABot image, built without network access: every Python package comes from a wheelhouse made on the host
# (`make docker-build` runs `pip wheel`; llama-cpp-python's wheel is the portable build from pip's cache, made with
# CMAKE_ARGS="-DGGML_NATIVE=OFF", so the image runs on any x86-64 host). BASE is any Debian bookworm image with
# python3 and python3-venv: python:3.11-slim-bookworm by default; CI imports one made with debootstrap
# (tools/docker_ci.sh), because no image registry is reachable there.
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS build
COPY build/wheels /tmp/wheels
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-index --find-links /tmp/wheels --no-cache-dir sipsabot \
 && /opt/venv/bin/python -c "import llama_cpp, bot.cli"

FROM ${BASE}
# libgomp1: llama.cpp's OpenMP threads (the debootstrap base includes it; the python image gets it from apt).
RUN if [ ! -e /usr/lib/x86_64-linux-gnu/libgomp.so.1 ]; then \
      apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /var/lib/apt/lists/*; \
    fi \
 && useradd --create-home --uid 10001 --shell /usr/sbin/nologin sipsabot \
 && mkdir -p /data /state /models \
 && chown sipsabot:sipsabot /data /state /models
COPY --from=build /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    SIPSABOT_DB=/data/sipsabot.db \
    SIPSABOT_STATE_DB=/state/state.db \
    SIPSABOT_BACKUP_DIR=/state/backups \
    SIPSABOT_MODEL_DIR=/models \
    HF_HOME=/models/.hf
USER sipsabot
WORKDIR /home/sipsabot
# /data: the mirror (public data, rebuilt by a refresh); /state: what users created, and its daily backups.
VOLUME ["/data", "/state", "/models"]
HEALTHCHECK --interval=60s --timeout=15s --start-period=180s --retries=3 CMD ["sipsabot", "health"]
CMD ["sipsabot", "run"]
