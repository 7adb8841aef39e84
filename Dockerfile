# Build stage: the full toolchain image, release mode, Swift runtime linked statically.
FROM swift:6.3-noble AS build
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product chatgpt-probot \
 && cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/chatgpt-probot" /chatgpt-probot

# Run stage: slim runtime with libcurl (URLSession) and CA certificates for HTTPS.
FROM swift:6.3-noble-slim
# hadolint ignore=DL3008
RUN apt-get -q update \
 && apt-get -q install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /chatgpt-probot /usr/local/bin/chatgpt-probot
ENTRYPOINT ["/usr/local/bin/chatgpt-probot"]
