# Build stage: the full toolchain image, release mode, Swift runtime linked statically.
FROM swift:6.3.3-noble AS build
ARG VERSION=dev
ARG REVISION=dev
# hadolint ignore=DL3008
RUN apt-get -q update \
 && apt-get -q install -y --no-install-recommends libcmark-gfm-dev libcmark-gfm-extensions-dev \
 && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
COPY . .
RUN printf 'enum BuildInfo {\n    static let version = "%s"\n    static let revision = "%s"\n}\n' "$VERSION" "$REVISION" \
    > Sources/chatgpt-probot/BuildInfo.swift \
 && swift build -c release --static-swift-stdlib --product chatgpt-probot \
 && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
 && mkdir -p /out \
 && cp "$bin/chatgpt-probot" /out/ \
 && strip /out/chatgpt-probot \
 && cp -R "$bin/chatgpt-probot_Tokenizer.resources" /out/ \
 && mkdir -p /out/lib \
 && ldd /out/chatgpt-probot | awk '/libcmark-gfm/ { print $3 }' | xargs -I{} cp -L {} /out/lib/

# Run stage: slim runtime with libcurl (URLSession) and CA certificates for HTTPS.
# The tokenizer vocabularies travel beside the binary, where it looks for them.
FROM swift:6.3.3-noble-slim
ARG VERSION=dev
ARG REVISION=dev
# The release workflow adds source, created and licences from the repository (docker/metadata-action).
LABEL org.opencontainers.image.title="ChatGPT Probot" \
      org.opencontainers.image.description="Reviews pull requests with ChatGPT" \
      org.opencontainers.image.version="$VERSION" \
      org.opencontainers.image.revision="$REVISION"
# universal-ctags builds the symbol index of a checked-out pull request (it only reads the files).
# hadolint ignore=DL3008
RUN apt-get -q update \
 && apt-get -q install -y --no-install-recommends ca-certificates universal-ctags \
 && rm -rf /var/lib/apt/lists/*
# cmark-gfm (GitHub's Markdown parser) is linked dynamically; its two libraries travel from the build stage.
COPY --from=build /out/lib/ /usr/local/lib/
COPY --from=build /out/chatgpt-probot /usr/local/bin/
COPY --from=build /out/chatgpt-probot_Tokenizer.resources /usr/local/bin/chatgpt-probot_Tokenizer.resources
RUN ldconfig
ENTRYPOINT ["/usr/local/bin/chatgpt-probot"]
