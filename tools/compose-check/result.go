package main

import "slices"

// Checks, in the order they are reported. Each one can fail; the self-test proves it with a fixture.
var Checks = []string{
	"schema", "image-pinned", "build", "healthcheck", "depends-on", "env-read", "env-required", "env-url",
	"hardening", "dockerfile-user", "dockerfile-copy", "dockerfile-reactor", "dockerfile-health",
}

// Result collects failure messages per check; the same message (one file seen by two models) counts once.
type Result struct {
	Failures map[string][]string
}

func NewResult() *Result { return &Result{Failures: map[string][]string{}} }

func (r *Result) Fail(check, message string) {
	if !slices.Contains(Checks, check) {
		panic("unknown check " + check)
	}
	if !slices.Contains(r.Failures[check], message) {
		r.Failures[check] = append(r.Failures[check], message)
	}
}

func (r *Result) Failed() []string {
	var failed []string
	for _, check := range Checks {
		if len(r.Failures[check]) > 0 {
			failed = append(failed, check)
		}
	}
	return failed
}
