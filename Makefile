# Northstar: `make run` serves the API against local real infrastructure; `make test` runs
# every test, integration tests included (they start their own Firestore emulator).
GO ?= go

.PHONY: run test generate generate-check vet build bench

run: ## start a Firestore emulator, bootstrap dev data, serve env dev with GraphiQL on 127.0.0.1:8080
	$(GO) run ./server dev $(ARGS)

test: ## all tests, with the race detector
	$(GO) test -race -count=1 -timeout 20m ./...

generate: ## regenerate graph/ from schema/ (resolver bodies are kept)
	$(GO) generate ./...

generate-check: generate ## fail when generated code is out of date
	@git diff --exit-code --stat -- . || { echo "go generate changed files: run 'make generate' and commit"; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=all -- graph resolvers)" || { git status --short -- graph resolvers; echo "go generate left untracked files"; exit 1; }

vet: ## go vet and gofmt
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: run gofmt -w"; exit 1; }

build: ## the northstar binary in bin/
	$(GO) build -o bin/northstar ./server

bench: ## benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...
