# Northstar: `make run` serves the API against local real infrastructure; `make test` runs
# every test, integration tests included (they start their own Firestore emulator).
GO ?= go

.PHONY: run test run-deps deps generate generate-check vet build bench

run: run-deps ## start a Firestore emulator, bootstrap dev data, serve env dev with GraphiQL on 127.0.0.1:8080
	$(GO) run ./server dev $(ARGS)

test: deps ## all tests, with the race detector
	$(GO) test -race -count=1 -timeout 20m ./...

# run-deps and deps install, from Debian's packages in one apt-get run, what is missing
# beyond Go, Java and the Firestore emulator: for make run, redis-server (with redis-cli,
# also for the cluster tests); for make test, also chromium (the browser tests), nodejs
# and npm (the console's type check and the npm client test) and gcc with libc6-dev
# (-race needs cgo). internal/devinfra's TestMakeDepsInstallsMissing runs both.
missing_for_run = command -v redis-server >/dev/null && command -v redis-cli >/dev/null || pkgs="$$pkgs redis-server";
missing_for_test = command -v chromium >/dev/null || pkgs="$$pkgs chromium"; \
	command -v node >/dev/null || pkgs="$$pkgs nodejs"; \
	command -v npm >/dev/null || pkgs="$$pkgs npm"; \
	command -v gcc >/dev/null || pkgs="$$pkgs gcc libc6-dev";
install_missing = if [ -n "$$pkgs" ]; then \
		echo "installing$$pkgs (apt-get)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$pkgs >/dev/null; \
	fi

run-deps:
	@pkgs=; $(missing_for_run) $(install_missing)

deps:
	@pkgs=; $(missing_for_run) $(missing_for_test) $(install_missing)

generate: ## regenerate graph/ from schema/ (resolver bodies are kept)
	$(GO) generate ./...

generate-check: generate ## fail when generated code is out of date
	@git diff --exit-code --stat -- . || { echo "go generate changed files: run 'make generate' and commit"; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=all -- graph resolvers)" || { git status --short -- graph resolvers; echo "go generate left untracked files"; exit 1; }

vet: ## go vet (with and without the bench build tag) and gofmt
	$(GO) vet ./...
	$(GO) vet -tags bench ./server
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: run gofmt -w"; exit 1; }

build: ## the northstar binary in bin/
	$(GO) build -o bin/northstar ./server

# make bench keeps every output and profile in BENCH_DIR; BENCH_ARGS adds flags for the
# whole-server benchmarks (server/bench_setup_test.go), e.g. BENCH_ARGS=-bench.wsconns=2000.
BENCH_DIR ?= bin/bench
BENCH_ARGS ?=
# bench_load notes the load average (how busy other work kept the machine) as step $1.
bench_load = awk '{print "BENCH loadavg step=$1 load1=" $$1 " load5=" $$2}' /proc/loadavg | tee -a $(BENCH_DIR)/$1.out
# bench_step runs one benchmark command ($2), showing its output and keeping it in
# $(BENCH_DIR)/$1.out, and records the command for BENCHMARKS.md.
bench_step = printf '%s\n' '$(strip $2)' | tee -a $(BENCH_DIR)/commands.txt && $2 2>&1 | tee $(BENCH_DIR)/$1.out && $(call bench_load,$1)

bench: SHELL := /bin/bash
bench: .SHELLFLAGS := -eo pipefail -c
bench: ## benchmarks (a few minutes; starts its own Firestore emulator, Redis and a 3-master Redis Cluster) written to BENCHMARKS.md
	rm -rf $(BENCH_DIR) && mkdir -p $(BENCH_DIR)
	@$(call bench_load,0-start)
	@$(call bench_step,1-routing,$(GO) test -run=^$$ -bench=^BenchmarkResolve$$ -benchmem -count=5 -cpuprofile=$(BENCH_DIR)/routing.cpu.pprof -o=$(BENCH_DIR)/routing.test ./internal/routing)
	@$(call bench_step,2-identity-miss,$(GO) test -run=^$$ -bench=^BenchmarkTokensVerify$$ -benchmem -count=5 -cpuprofile=$(BENCH_DIR)/identity-miss.cpu.pprof -o=$(BENCH_DIR)/identity.test ./internal/identity)
	@$(call bench_step,3-identity-hit,$(GO) test -run=^$$ -bench=^BenchmarkTokensVerifyCached$$ -benchmem -count=5 -cpuprofile=$(BENCH_DIR)/identity-hit.cpu.pprof -o=$(BENCH_DIR)/identity.test ./internal/identity)
	@$(call bench_step,3c-console,$(GO) test -run=^$$ -bench=^BenchmarkBundle$$ -benchtime=1x ./internal/console)
	@$(call bench_step,3b-revocation,$(GO) test -run=^$$ -bench=^BenchmarkEnded$$ -benchmem -count=5 ./internal/live)
	@$(call bench_step,4-server,$(GO) test -tags bench -run=^$$ -bench=^BenchmarkLoad -benchtime=1x -timeout=30m ./server -bench.out=$(abspath $(BENCH_DIR)) $(BENCH_ARGS))
	$(GO) run ./internal/bench/report -dir $(BENCH_DIR) -o BENCHMARKS.md
