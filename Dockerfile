# SIPSABot image. Two stages: the build stage compiles llama-cpp-python once (portable CPU flags, so the image
# runs on any x86-64 host, not only on the build machine) and installs the app from pyproject.toml into a venv;
# the runtime stage copies that venv onto a slim base and runs as an unprivileged user.
FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential cmake \
 && rm -rf /var/lib/apt/lists/*
ENV CMAKE_ARGS="-DGGML_NATIVE=OFF" \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv && /opt/venv/bin/pip install --upgrade pip
# The slow compile first, in its own layer: code changes below do not rebuild it.
RUN /opt/venv/bin/pip install "llama-cpp-python>=0.3"
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY models ./models
COPY data ./data
RUN /opt/venv/bin/pip install . && /opt/venv/bin/python -c "import llama_cpp, bot.cli"

FROM python:3.11-slim-bookworm
# libgomp1: llama.cpp's OpenMP threads.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --shell /usr/sbin/nologin sipsabot \
 && mkdir -p /data /models \
 && chown sipsabot:sipsabot /data /models
COPY --from=build /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1 \
    SIPSABOT_DB=/data/sipsabot.db \
    SIPSABOT_MODEL_DIR=/models \
    HF_HOME=/models/.hf
USER sipsabot
WORKDIR /home/sipsabot
VOLUME ["/data", "/models"]
HEALTHCHECK --interval=60s --timeout=15s --start-period=180s --retries=3 CMD ["sipsabot", "health"]
CMD ["sipsabot", "run"]
