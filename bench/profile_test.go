package main

import (
	"os"
	"regexp"
	"testing"
)

// The sampling-0.1 profile claims to trace as deployed: it fails here once the CDK deploys another share.
func TestSamplingProfileIsTheDeployedShare(t *testing.T) {
	src, err := os.ReadFile("../infra-cdk/src/main/java/com/swn/infra/SpringBootFargateService.java")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`TRACE_SAMPLING = "([^"]+)"`).FindSubmatch(src)
	if m == nil {
		t.Fatal("no TRACE_SAMPLING constant in SpringBootFargateService.java")
	}
	if got := profiles["sampling-0.1"]["TRACING_SAMPLING_PROBABILITY"]; got != string(m[1]) {
		t.Fatalf("profile sampling-0.1 sets %q, the CDK deploys %q", got, m[1])
	}
}
